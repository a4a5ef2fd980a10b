// The shopping examples of 5.3–5.4, computed by the engine's own MulLayer and AddLayer (ch05/buy_apple.py,
// ch05/buy_apple_orange.py). Pure: the graph pane only draws what these return.
import { AddLayer, MulLayer } from '../../src-worker/layers/mul-add'
import type { OpNode } from './steps'

/** Inputs of 5.4.1: one apple costs 100, 2 apples, tax 1.1. */
export interface AppleInputs {
  apple: number
  appleNum: number
  tax: number
}

/** 5.4.1 forward (applePrice, price) and backward (dApple, dAppleNum, dTax) with dprice = 1. */
export function buyApple({ apple, appleNum, tax }: AppleInputs) {
  const mulAppleLayer = new MulLayer()
  const mulTaxLayer = new MulLayer()
  const applePrice = mulAppleLayer.forward(apple, appleNum)
  const price = mulTaxLayer.forward(applePrice, tax)
  const dprice = 1
  const [dApplePrice, dTax] = mulTaxLayer.backward(dprice)
  const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice)
  return { applePrice, price, dprice, dApplePrice, dTax, dApple, dAppleNum }
}

/** Inputs of 5.4.2: apples 100 × 2, oranges 150 × 3, tax 1.1. */
export interface AppleOrangeInputs extends AppleInputs {
  orange: number
  orangeNum: number
}

/** 5.4.2 forward (715 at the book's inputs) and backward (110, 2.2, 3.3, 165, 650). */
export function buyAppleOrange({ apple, appleNum, orange, orangeNum, tax }: AppleOrangeInputs) {
  const mulAppleLayer = new MulLayer()
  const mulOrangeLayer = new MulLayer()
  const addAppleOrangeLayer = new AddLayer()
  const mulTaxLayer = new MulLayer()
  const applePrice = mulAppleLayer.forward(apple, appleNum)
  const orangePrice = mulOrangeLayer.forward(orange, orangeNum)
  const allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice)
  const price = mulTaxLayer.forward(allPrice, tax)
  const dprice = 1
  const [dAllPrice, dTax] = mulTaxLayer.backward(dprice)
  const [dApplePrice, dOrangePrice] = addAppleOrangeLayer.backward(dAllPrice)
  const [dOrange, dOrangeNum] = mulOrangeLayer.backward(dOrangePrice)
  const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice)
  return { applePrice, orangePrice, allPrice, price, dprice, dAllPrice, dTax, dApplePrice, dOrangePrice, dApple, dAppleNum, dOrange, dOrangeNum }
}

/** The book's inputs. */
export const BOOK_APPLE: AppleInputs = { apple: 100, appleNum: 2, tax: 1.1 }
export const BOOK_APPLE_ORANGE: AppleOrangeInputs = { apple: 100, appleNum: 2, orange: 150, orangeNum: 3, tax: 1.1 }

/** 5.4.1 as the stepper reads it: the apple × node, then the tax × node. */
export const APPLE_OPS: OpNode[] = [
  { id: 'mul1', op: 'mul', inputs: ['apple', 'num'], output: 'mul2' },
  { id: 'mul2', op: 'mul', inputs: ['mul1', 'tax'], output: 'price' },
]

/** 5.4.2 in the book's call order: (1) apples, (2) oranges, (3) their sum, (4) tax. */
export const APPLE_ORANGE_OPS: OpNode[] = [
  { id: 'mulA', op: 'mul', inputs: ['apple', 'appleNum'], output: 'add' },
  { id: 'mulO', op: 'mul', inputs: ['orange', 'orangeNum'], output: 'add' },
  { id: 'add', op: 'add', inputs: ['mulA', 'mulO'], output: 'mulT' },
  { id: 'mulT', op: 'mul', inputs: ['add', 'tax'], output: 'price' },
]
