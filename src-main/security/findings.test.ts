import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { justification, parseFindings } from './findings'

const csv = `issue, severity, confidence, filename, location, sample, description, url
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","src-main/window.ts","3:5","if (ok(url)) shell.openExternal(url, { a: "b", c: 'd' })","Review the use of openExternal",https://example
LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN","N/A","0:0",N/A,"Missing navigation limits",https://example
`

describe('electronegativity report', () => {
  it('reads findings with file and line, even when the sample holds unescaped quotes and commas', () => {
    const [first, second] = parseFindings(csv)
    assert.equal(first!.sample, `if (ok(url)) shell.openExternal(url, { a: "b", c: 'd' })`)
    assert.deepEqual([first!.check, first!.severity, first!.file, first!.line], ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'src-main/window.ts', 3])
    assert.deepEqual([second!.file, second!.line], ['N/A', 0])
  })
  it('keeps a sample that spans lines in one finding', () => {
    const text = 'issue, severity\nPRELOAD_JS_CHECK,"MEDIUM","FIRM","w.ts","9:6","preload: join(\n  a, \"b\")","Review the use of preload scripts",https://x\n'
    const findings = parseFindings(text)
    assert.equal(findings.length, 1)
    assert.deepEqual([findings[0]!.line, findings[0]!.description], [9, 'Review the use of preload scripts'])
  })
  it('finds a justification comment up to 3 lines above, naming the same check', () => {
    const [finding] = parseFindings(csv)
    assert.equal(justification(finding!, ['// security-scan: OPEN_EXTERNAL_JS_CHECK — allowlisted https hosts only', '', 'flagged']), 'allowlisted https hosts only')
    assert.equal(justification(finding!, ['// security-scan: PRELOAD_JS_CHECK — other check', '', 'flagged']), undefined)
    assert.equal(justification(finding!, undefined), undefined)
  })
  it('refuses a file that is not a report', () => {
    assert.throws(() => parseFindings('hello\n'), /not an electronegativity CSV report/)
  })
})
