// `npm run gradcheck`: the book's gradient check (5.7.3, ch05/gradient_check.py) on the default digits.
import { bookGradientCheck } from '../net/gradient-check'
import { PARAM_NAMES } from '../net/backend'
import { GRADCHECK_USAGE, parseGradcheckArgs, runCli } from './cli-args'
import { loadDefaultSplit } from './default-data'

/** every diff must be at most this in float64 with the exact cross-entropy (issue 2 §2) */
const BOUND = 1e-9

runCli(GRADCHECK_USAGE, parseGradcheckArgs, async (args) => {
  const { split, info } = await loadDefaultSplit()
  if (!args.json) console.log(`gradient check (5.7.3): 784-50-10, relu, weight init std 0.01, first 3 training digits of ${info.name}`)
  const diffs = bookGradientCheck(split)
  if (args.json) console.log(JSON.stringify({ W1: diffs.W1, b1: diffs.b1, W2: diffs.W2, b2: diffs.b2 }))
  else for (const key of PARAM_NAMES) console.log(`${key}:${diffs[key]}`) // print(key + ":" + str(diff))
  const bad = PARAM_NAMES.filter((key) => !(diffs[key] <= BOUND))
  if (bad.length > 0) {
    console.error(`gradient check failed: ${bad.map((key) => `${key} = ${diffs[key]}`).join(', ')} exceed ${BOUND}`)
    return 1
  }
  return 0
})
