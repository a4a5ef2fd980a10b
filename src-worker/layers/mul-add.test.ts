import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AddLayer, MulLayer } from './mul-add'

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≉ ${expected}`)

describe('buy apples (5.4.1)', () => {
  const apple = 100, appleNum = 2, tax = 1.1
  const mulAppleLayer = new MulLayer()
  const mulTaxLayer = new MulLayer()

  it('forward gives price 220', () => {
    const applePrice = mulAppleLayer.forward(apple, appleNum)
    const price = mulTaxLayer.forward(applePrice, tax)
    close(price, 220)
  })

  it('backward gives dApple 2.2, dAppleNum 110, dTax 200', () => {
    const [dApplePrice, dTax] = mulTaxLayer.backward(1)
    const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice)
    close(dApple, 2.2)
    close(dAppleNum, 110)
    close(dTax, 200)
  })
})

describe('buy apples and oranges (5.4.2)', () => {
  const apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1
  const mulAppleLayer = new MulLayer()
  const mulOrangeLayer = new MulLayer()
  const addAppleOrangeLayer = new AddLayer()
  const mulTaxLayer = new MulLayer()

  it('forward gives price 715', () => {
    const applePrice = mulAppleLayer.forward(apple, appleNum) //               (1)
    const orangePrice = mulOrangeLayer.forward(orange, orangeNum) //           (2)
    const allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice) //   (3)
    const price = mulTaxLayer.forward(allPrice, tax) //                        (4)
    close(price, 715)
  })

  it('backward gives dAppleNum 110, dApple 2.2, dOrange 3.3, dOrangeNum 165, dTax 650', () => {
    const [dAllPrice, dTax] = mulTaxLayer.backward(1) //                        (4)
    const [dApplePrice, dOrangePrice] = addAppleOrangeLayer.backward(dAllPrice) // (3)
    const [dOrange, dOrangeNum] = mulOrangeLayer.backward(dOrangePrice) //     (2)
    const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice) //         (1)
    close(dAppleNum, 110)
    close(dApple, 2.2)
    close(dOrange, 3.3)
    close(dOrangeNum, 165)
    close(dTax, 650)
  })
})
