import { useState } from 'react'
import { formatNumber } from '../graph/format-number'
import { GraphSvg } from '../graph/GraphSvg'
import { BOOK_APPLE, BOOK_APPLE_ORANGE, buyApple, buyAppleOrange, type AppleOrangeInputs } from '../graph/shopping'

type Inputs<T> = { [K in keyof T]: string }
const asText = <T extends object>(values: T): Inputs<T> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) as Inputs<T>
/** A field's number; NaN for text that is not one (the graph then shows — instead of a made-up 0). */
const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))
const asNumbers = <T extends object>(text: Inputs<T>): T =>
  Object.fromEntries(Object.entries(text).map(([k, v]) => [k, toNumber(v as string)])) as T

const LABELS: Record<keyof AppleOrangeInputs, string> = {
  apple: 'Apple price',
  appleNum: 'Apples',
  orange: 'Orange price',
  orangeNum: 'Oranges',
  tax: 'Tax',
}

function InputRow<T extends object>({ text, onChange, prefix }: { text: Inputs<T>; onChange: (t: Inputs<T>) => void; prefix: string }) {
  return (
    <div className="graph-inputs">
      {(Object.keys(text) as (keyof T & keyof AppleOrangeInputs)[]).map((key) => {
        const bad = !Number.isFinite(toNumber(text[key]))
        const id = `${prefix}-${String(key)}`
        return (
          <label key={String(key)}>
            {LABELS[key]}
            <input
              type="text"
              inputMode="decimal"
              value={text[key]}
              id={id}
              aria-invalid={bad}
              aria-describedby={bad ? `${id}-error` : undefined}
              onChange={(e) => onChange({ ...text, [key]: e.target.value })}
            />
            {bad && (
              <small id={`${id}-error`} className="error" role="alert">
                {String(key)} must be a number, got {text[key].trim() === '' ? 'nothing' : JSON.stringify(text[key])}
              </small>
            )}
          </label>
        )
      })}
    </div>
  )
}

/** 5.1–5.4 the shopping examples, forward and backward through the engine's MulLayer and AddLayer. */
export function GraphPane() {
  const [apple, setApple] = useState(asText(BOOK_APPLE))
  const [both, setBoth] = useState(asText(BOOK_APPLE_ORANGE))
  const a = buyApple(asNumbers(apple))
  const b = buyAppleOrange(asNumbers(both))
  const ai = asNumbers(apple)
  const bi = asNumbers(both)

  return (
    <>
      <h2>
        Computational graph <span className="book">5.1–5.4 Backpropagation on a computational graph</span>
      </h2>
      <p className="lead">
        Forward values (<span className="forward-key">above each edge</span>) flow left to right; derivatives of the price
        (<span className="backward-key">below each edge</span>) flow back from 1. A × node swaps its inputs, a + node passes the
        derivative through. Edit the inputs.
      </p>
      <section aria-labelledby="apple-title">
        <h3 id="apple-title">5.4.1 Buying apples</h3>
        <InputRow text={apple} onChange={setApple} prefix="apple" />
        <GraphSvg
          title={`Apple graph: price ${formatNumber(a.price)}`}
          width={640}
          height={230}
          nodes={[
            { id: 'apple', x: 90, y: 50, label: 'apple' },
            { id: 'num', x: 90, y: 170, label: 'apples' },
            { id: 'mul1', x: 260, y: 105, label: '×', op: true },
            { id: 'tax', x: 410, y: 200, label: 'tax', place: 'below' },
            { id: 'mul2', x: 440, y: 105, label: '×', op: true },
            { id: 'price', x: 580, y: 105, label: 'price' },
          ]}
          edges={[
            { from: 'apple', to: 'mul1', forward: ai.apple, backward: a.dApple },
            { from: 'num', to: 'mul1', forward: ai.appleNum, backward: a.dAppleNum },
            { from: 'mul1', to: 'mul2', forward: a.applePrice, backward: a.dApplePrice },
            { from: 'tax', to: 'mul2', forward: ai.tax, backward: a.dTax },
            { from: 'mul2', to: 'price', forward: a.price, backward: a.dprice },
          ]}
        />
        <p className="readout" data-testid="apple-result">
          price {formatNumber(a.price)} · dApple {formatNumber(a.dApple)} · dAppleNum {formatNumber(a.dAppleNum)} · dTax {formatNumber(a.dTax)}
        </p>
      </section>
      <section aria-labelledby="orange-title">
        <h3 id="orange-title">5.4.2 Buying apples and oranges</h3>
        <InputRow text={both} onChange={setBoth} prefix="both" />
        <GraphSvg
          title={`Apple and orange graph: price ${formatNumber(b.price)}`}
          width={760}
          height={340}
          nodes={[
            { id: 'apple', x: 90, y: 30, label: 'apple' },
            { id: 'appleNum', x: 90, y: 130, label: 'apples' },
            { id: 'orange', x: 90, y: 200, label: 'orange' },
            { id: 'orangeNum', x: 90, y: 300, label: 'oranges' },
            { id: 'mulA', x: 250, y: 80, label: '×', op: true },
            { id: 'mulO', x: 250, y: 250, label: '×', op: true },
            { id: 'add', x: 420, y: 165, label: '+', op: true },
            { id: 'tax', x: 500, y: 290, label: 'tax', place: 'below' },
            { id: 'mulT', x: 580, y: 165, label: '×', op: true },
            { id: 'price', x: 680, y: 165, label: 'price' },
          ]}
          edges={[
            { from: 'apple', to: 'mulA', forward: bi.apple, backward: b.dApple },
            { from: 'appleNum', to: 'mulA', forward: bi.appleNum, backward: b.dAppleNum },
            { from: 'orange', to: 'mulO', forward: bi.orange, backward: b.dOrange },
            { from: 'orangeNum', to: 'mulO', forward: bi.orangeNum, backward: b.dOrangeNum },
            { from: 'mulA', to: 'add', forward: b.applePrice, backward: b.dApplePrice },
            { from: 'mulO', to: 'add', forward: b.orangePrice, backward: b.dOrangePrice },
            { from: 'add', to: 'mulT', forward: b.allPrice, backward: b.dAllPrice },
            { from: 'tax', to: 'mulT', forward: bi.tax, backward: b.dTax },
            { from: 'mulT', to: 'price', forward: b.price, backward: b.dprice },
          ]}
        />
        <p className="readout" data-testid="apple-orange-result">
          price {formatNumber(b.price)} · dAppleNum {formatNumber(b.dAppleNum)} · dApple {formatNumber(b.dApple)} · dOrange{' '}
          {formatNumber(b.dOrange)} · dOrangeNum {formatNumber(b.dOrangeNum)} · dTax {formatNumber(b.dTax)}
        </p>
      </section>
    </>
  )
}
