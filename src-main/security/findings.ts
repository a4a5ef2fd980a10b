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

/** Splits CSV text into rows of fields (RFC 4180 quoting: "" inside quotes is a quote). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field.trim()), (field = '')
    else if (c === '\n') row.push(field.trim()), rows.push(row), (row = []), (field = '')
    else if (c !== '\r') field += c
  }
  if (field.trim() !== '' || row.length > 0) row.push(field.trim()), rows.push(row)
  return rows
}

/** The findings of an `electronegativity -o report.csv` file. */
export function parseFindings(csv: string): Finding[] {
  const [header, ...rows] = parseCsv(csv)
  if (!header || header[0] !== 'issue') throw new Error(`not an electronegativity CSV report (first column ${JSON.stringify(header?.[0])})`)
  return rows.map(([check = '', severity = '', confidence = '', file = '', location = '0:0', sample = '', description = '']) => ({
    check, severity, confidence, file, line: Number(location.split(':')[0]) || 0, sample, description,
  }))
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
