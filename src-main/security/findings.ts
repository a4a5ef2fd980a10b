// Electronegativity's CSV report, read and judged: a HIGH or MEDIUM finding fails the scan unless a
// comment next to the flagged code justifies it: `// security-scan: <CHECK_ID> — <why it is safe>`.

export interface Finding {
  check: string
  severity: string
  confidence: string
  /** relative to the scanned folder; 'N/A' for whole-app (global) checks */
  file: string
  /** 1-based line of the flagged code; 0 for global checks */
  line: number
  sample: string
  description: string
}

/**
 * One report line: `CHECK,"SEVERITY","CONFIDENCE","file","line:col",sample,"description",url`. The tool does not
 * escape quotes inside the sample (flagged source code), so general CSV parsing misreads such lines; the
 * fields around the sample never hold quotes, so they are read from both ends and the sample is the rest.
 */
const RECORD = /^(\w+),"(\w*)","(\w*)","([^"]*)","(\d+):\d+",([\s\S]*),"([^"]*)",(\S*)$/
const RECORD_START = /^[A-Z0-9_]+,"/

/** The findings of an `electronegativity -o report.csv` file. */
export function parseFindings(csv: string): Finding[] {
  const [header, ...lines] = csv.split(/\r?\n/)
  if (!header?.startsWith('issue,')) throw new Error(`not an electronegativity CSV report (it starts ${JSON.stringify(header?.slice(0, 20))})`)
  const records: string[] = []
  for (const line of lines) {
    if (RECORD_START.test(line)) records.push(line)
    else if (records.length > 0 && line !== '') records[records.length - 1] += `\n${line}` // a sample spanning lines
  }
  return records.map((line) => {
      const m = RECORD.exec(line)
      if (!m) throw new Error(`unreadable report line: ${line.slice(0, 120)}`)
      const [, check, severity, confidence, file, row, sample, description] = m as unknown as string[]
      return { check: check!, severity: severity!, confidence: confidence!, file: file!, line: Number(row), sample: sample!.replace(/^"([\s\S]*)"$/, '$1'), description: description! }
  })
}

/** Severities that fail the scan. */
export const BLOCKING = new Set(['HIGH', 'MEDIUM', 'CRITICAL'])

/** The justification for a finding: a `security-scan: CHECK` comment on the flagged line or up to 3 lines above. */
export function justification(finding: Finding, sourceLines: string[] | undefined): string | undefined {
  if (!sourceLines || finding.line < 1) return undefined
  const marker = `security-scan: ${finding.check}`
  for (let l = finding.line - 1; l >= Math.max(0, finding.line - 4); l--) {
    const text = sourceLines[l] ?? ''
    const at = text.indexOf(marker)
    if (at >= 0) return text.slice(at + marker.length).replace(/^[\s—:-]+/, '').trim() || undefined
  }
  return undefined
}
