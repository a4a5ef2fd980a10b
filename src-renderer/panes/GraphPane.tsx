import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useT } from '../i18n'
import { CHAIN_OPS, CHAIN_START, chainRule } from '../graph/chain'
import { formatNumber, formatOperand } from '../graph/format-number'
import { GraphSvg, type GraphEdge, type GraphNode } from '../graph/GraphSvg'
import { APPLE_OPS, APPLE_ORANGE_OPS, BOOK_APPLE, BOOK_APPLE_ORANGE, buyApple, buyAppleOrange } from '../graph/shopping'
import { describeStep, edgeKey, forwardCount, graphSteps, knownValues, type OpNode, type Step } from '../graph/steps'

type Inputs<T> = { [K in keyof T]: string }
const asText = <T extends object>(values: T): Inputs<T> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) as Inputs<T>
/** A field's number; NaN for text that is not one (the graph then shows — instead of a made-up 0). */
const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))
const asNumbers = <T extends object>(text: Inputs<T>): T =>
  Object.fromEntries(Object.entries(text).map(([k, v]) => [k, toNumber(v as string)])) as T

type LabelKey = keyof ReturnType<typeof useT>['graph']['labels']

function InputRow<T extends object>({ text, onChange, prefix }: { text: Inputs<T>; onChange: (t: Inputs<T>) => void; prefix: string }) {
  const t = useT().graph
  return (
    <div className="graph-inputs">
      {(Object.keys(text) as (keyof T & LabelKey)[]).map((key) => {
        const bad = !Number.isFinite(toNumber(text[key]))
        const id = `${prefix}-${String(key)}`
        return (
          <label key={String(key)}>
            {(t.labels as Record<LabelKey, string>)[key]}
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
                {t.notNumber(String(key), text[key].trim() === '' ? t.nothing : JSON.stringify(text[key]))}
              </small>
            )}
          </label>
        )
      })}
    </div>
  )
}

const PLAY_MS = 700

/** How far a graph has been stepped (0 = only the inputs known), with Play advancing one step every PLAY_MS. */
function useStepper(total: number) {
  const [done, setDone] = useState(0)
  const [playing, setPlaying] = useState(false)
  useEffect(() => {
    if (!playing) return
    if (done >= total) {
      setPlaying(false)
      return
    }
    const timer = setTimeout(() => setDone((d) => Math.min(total, d + 1)), PLAY_MS)
    return () => clearTimeout(timer)
  }, [playing, done, total])
  return {
    done,
    playing,
    step: () => setDone((d) => Math.min(total, d + 1)),
    play: () => {
      if (playing) return setPlaying(false)
      // from the end, Play starts over; otherwise the first step comes at once
      setDone((d) => (d >= total ? 1 : d + 1))
      setPlaying(true)
    },
    reset: () => {
      setPlaying(false)
      setDone(0)
    },
  }
}

/** A graph with its step controls: the lit node, the values known so far, and what the node computed. */
function SteppedGraph({
  name,
  prefix,
  ops,
  nodes,
  values,
  width,
  height,
  title,
  children,
}: {
  name: string
  prefix: string
  ops: OpNode[]
  nodes: GraphNode[]
  /** every edge's forward and backward value, by GraphSvg's edge key */
  values: [from: string, to: string, forward: number, backward: number][]
  width: number
  height: number
  title: (known: (from: string, to: string) => number | null) => string
  children?: (known: { forward: (from: string, to: string) => number | null; backward: (from: string, to: string) => number | null; complete: boolean }) => ReactNode
}) {
  const t = useT().graph
  const steps: Step[] = useMemo(() => graphSteps(ops), [ops])
  const forwardSteps = forwardCount(steps)
  const stepper = useStepper(steps.length)
  const { done } = stepper
  const known = knownValues(ops, steps, done)
  const all = {
    forward: Object.fromEntries(values.map(([a, b, f]) => [edgeKey(a, b), f])),
    backward: Object.fromEntries(values.map(([a, b, , d]) => [edgeKey(a, b), d])),
  }
  const fwd = (a: string, b: string) => (known.forward.has(edgeKey(a, b)) ? all.forward[edgeKey(a, b)]! : null)
  const bwd = (a: string, b: string) => (known.backward.has(edgeKey(a, b)) ? all.backward[edgeKey(a, b)]! : null)
  const edges: GraphEdge[] = values.map(([from, to]) => ({ from, to, forward: fwd(from, to), backward: bwd(from, to) }))
  const last = done > 0 ? steps[done - 1]! : null
  let said = last ? describeStep(last, all, t, formatNumber) : t.ready
  // the step's computation, then (at the end of a pass) what comes next, as its own sentence
  if (done === forwardSteps) said += `. ${t.forwardDone}`
  if (done === steps.length) said += `. ${t.backwardDone}`
  const phase = done < forwardSteps ? t.forward : t.backward

  return (
    <>
      <div className="graph-steps" role="group" aria-label={t.controls(name)} data-testid={`${prefix}-controls`}>
        <button type="button" onClick={stepper.step} disabled={done >= forwardSteps}>
          {t.forwardStep}
        </button>
        <button type="button" onClick={stepper.step} disabled={done < forwardSteps || done >= steps.length}>
          {t.backwardStep}
        </button>
        <button type="button" onClick={stepper.play}>
          {stepper.playing ? t.pause : t.play}
        </button>
        <button type="button" onClick={stepper.reset} disabled={done === 0}>
          {t.reset}
        </button>
        <span className="step-count" data-testid={`${prefix}-count`} data-done={done}>
          {phase} · {t.stepCount(String(done), String(steps.length))}
        </span>
      </div>
      <p className="step-say" aria-live="polite" data-testid={`${prefix}-step`}>
        {said}
      </p>
      <GraphSvg title={title(fwd)} width={width} height={height} nodes={nodes} edges={edges} lit={last ? { id: last.node, phase: last.phase } : null} />
      {children?.({ forward: fwd, backward: bwd, complete: done === steps.length })}
    </>
  )
}

const show = (v: number | null) => (v === null ? '—' : formatNumber(v))
/** Readout parts whose values are known so far, joined as the book prints them. */
const readout = (parts: [label: string, value: number | null][]) =>
  parts
    .filter(([, v]) => v !== null)
    .map(([label, v]) => `${label} ${formatNumber(v!)}`)
    .join(' · ')

type NodeNames = ReturnType<typeof useT>['graph']['nodes']

const appleNodes = (n: NodeNames): GraphNode[] => [
  { id: 'apple', x: 90, y: 50, label: n.apple },
  { id: 'num', x: 90, y: 170, label: n.apples },
  { id: 'mul1', x: 260, y: 105, label: '×', op: true },
  { id: 'tax', x: 410, y: 200, label: n.tax, place: 'below' },
  { id: 'mul2', x: 440, y: 105, label: '×', op: true },
  { id: 'price', x: 580, y: 105, label: n.price },
]

const appleOrangeNodes = (n: NodeNames): GraphNode[] => [
  { id: 'apple', x: 90, y: 30, label: n.apple },
  { id: 'appleNum', x: 90, y: 130, label: n.apples },
  { id: 'orange', x: 90, y: 200, label: n.orange },
  { id: 'orangeNum', x: 90, y: 300, label: n.oranges },
  { id: 'mulA', x: 250, y: 80, label: '×', op: true },
  { id: 'mulO', x: 250, y: 250, label: '×', op: true },
  { id: 'add', x: 420, y: 165, label: '+', op: true },
  { id: 'tax', x: 500, y: 290, label: n.tax, place: 'below' },
  { id: 'mulT', x: 580, y: 165, label: '×', op: true },
  { id: 'price', x: 680, y: 165, label: n.price },
]

const CHAIN_NODES: GraphNode[] = [
  { id: 'x', x: 90, y: 45, label: 'x' },
  { id: 'y', x: 90, y: 165, label: 'y' },
  { id: 'add', x: 250, y: 105, label: '+', op: true },
  { id: 'square', x: 440, y: 105, label: '**2', op: true },
  { id: 'z', x: 580, y: 105, label: 'z' },
]

/** 5.1–5.4 the shopping examples and the chain rule of 5.2.3, stepped node by node through the engine's layers. */
export function GraphPane() {
  const t = useT().graph
  const [apple, setApple] = useState(asText(BOOK_APPLE))
  const [both, setBoth] = useState(asText(BOOK_APPLE_ORANGE))
  const [chain, setChain] = useState(asText(CHAIN_START))
  const ai = asNumbers(apple)
  const bi = asNumbers(both)
  const ci = asNumbers(chain)
  const a = buyApple(ai)
  const b = buyAppleOrange(bi)
  const c = chainRule(ci)

  return (
    <>
      <h2>
        {t.title} <span className="book">{t.book}</span>
      </h2>
      <p className="lead">
        {t.leadForward} (<span className="forward-key">{t.leadAbove}</span>) {t.leadMiddle} (<span className="backward-key">{t.leadBackward}</span>){' '}
        {t.leadEnd}
      </p>
      <section aria-labelledby="apple-title">
        <h3 id="apple-title">{t.appleTitle}</h3>
        <InputRow text={apple} onChange={setApple} prefix="apple" />
        <SteppedGraph
          name={t.appleTitle}
          prefix="apple"
          ops={APPLE_OPS}
          nodes={appleNodes(t.nodes)}
          width={640}
          height={230}
          title={(f) => t.appleGraph(show(f('mul2', 'price')))}
          values={[
            ['apple', 'mul1', ai.apple, a.dApple],
            ['num', 'mul1', ai.appleNum, a.dAppleNum],
            ['mul1', 'mul2', a.applePrice, a.dApplePrice],
            ['tax', 'mul2', ai.tax, a.dTax],
            ['mul2', 'price', a.price, a.dprice],
          ]}
        >
          {({ forward: f, backward: d }) => (
            <p className="readout" data-testid="apple-result">
              {readout([
                ['price', f('mul2', 'price')],
                ['dApple', d('apple', 'mul1')],
                ['dAppleNum', d('num', 'mul1')],
                ['dTax', d('tax', 'mul2')],
              ])}
            </p>
          )}
        </SteppedGraph>
      </section>
      <section aria-labelledby="orange-title">
        <h3 id="orange-title">{t.orangeTitle}</h3>
        <InputRow text={both} onChange={setBoth} prefix="both" />
        <SteppedGraph
          name={t.orangeTitle}
          prefix="both"
          ops={APPLE_ORANGE_OPS}
          nodes={appleOrangeNodes(t.nodes)}
          width={760}
          height={340}
          title={(f) => t.orangeGraph(show(f('mulT', 'price')))}
          values={[
            ['apple', 'mulA', bi.apple, b.dApple],
            ['appleNum', 'mulA', bi.appleNum, b.dAppleNum],
            ['orange', 'mulO', bi.orange, b.dOrange],
            ['orangeNum', 'mulO', bi.orangeNum, b.dOrangeNum],
            ['mulA', 'add', b.applePrice, b.dApplePrice],
            ['mulO', 'add', b.orangePrice, b.dOrangePrice],
            ['add', 'mulT', b.allPrice, b.dAllPrice],
            ['tax', 'mulT', bi.tax, b.dTax],
            ['mulT', 'price', b.price, b.dprice],
          ]}
        >
          {({ forward: f, backward: d }) => (
            <p className="readout" data-testid="apple-orange-result">
              {readout([
                ['price', f('mulT', 'price')],
                ['dAppleNum', d('appleNum', 'mulA')],
                ['dApple', d('apple', 'mulA')],
                ['dOrange', d('orange', 'mulO')],
                ['dOrangeNum', d('orangeNum', 'mulO')],
                ['dTax', d('tax', 'mulT')],
              ])}
            </p>
          )}
        </SteppedGraph>
      </section>
      <section aria-labelledby="chain-title">
        <h3 id="chain-title">{t.chainTitle}</h3>
        <p className="lead">{t.chainLead}</p>
        <InputRow text={chain} onChange={setChain} prefix="chain" />
        <SteppedGraph
          name={t.chainTitle}
          prefix="chain"
          ops={CHAIN_OPS}
          nodes={CHAIN_NODES}
          width={640}
          height={210}
          title={(f) => t.chainGraph(show(f('square', 'z')))}
          values={[
            ['x', 'add', ci.x, c.dx],
            ['y', 'add', ci.y, c.dy],
            ['add', 'square', c.t, c.dt],
            ['square', 'z', c.z, c.dz],
          ]}
        >
          {({ complete }) => (
            <p className="readout" data-testid="chain-result" data-dx={complete ? String(c.dx) : undefined}>
              {complete ? t.chainResult(formatOperand(ci.x), formatOperand(ci.y), formatOperand(c.t), formatNumber(c.dx)) : ''}
            </p>
          )}
        </SteppedGraph>
      </section>
    </>
  )
}
