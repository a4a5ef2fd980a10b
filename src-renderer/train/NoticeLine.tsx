import { useI18n, type T } from '../i18n'
import { refusalText, withFieldLabels } from '../i18n/worker-messages'
import type { Notice } from '../store/training-store'

/** A notice in the current language (worded here from the worker's codes and parameters). */
export function noticeText(t: T, num: (n: number, o?: Intl.NumberFormatOptions) => string, notice: Notice): string {
  switch (notice.code) {
    case 'failed': {
      // the worker's own failure to start (its data did not load) is no training failure
      const startup = /^the lab could not start: (.+)$/.exec(notice.reason)
      if (startup && notice.iteration === undefined) return `${t.messages.couldNotStart}: ${withFieldLabels(t, startup[1]!)}`
      const title = notice.iteration === undefined ? t.messages.failed : t.messages.failedAt(num(notice.iteration))
      return `${title}: ${withFieldLabels(t, notice.reason)}`
    }
    case 'rejected':
      return refusalText(t, notice.command, notice.message)
    case 'modelLoaded':
      return t.messages.modelLoaded(notice.fileName, num(notice.testAccuracy, { minimumFractionDigits: 4, maximumFractionDigits: 4 }))
    case 'modelSaved':
      return t.messages.modelSaved(notice.where)
    case 'weightsReset':
      return t.messages.weightsReset
    case 'learningRateChanged':
      return t.messages.learningRateChanged(num(notice.learningRate), num(notice.iteration))
  }
}

/** Errors as alerts (red, with an icon), successes as a calm status line with a check mark. */
export function NoticeLine({ notice, testId = 'notice' }: { notice: Notice | null; testId?: string }) {
  const { t, num } = useI18n()
  if (!notice) return <p className="notice notice-empty" role="status" data-testid={testId} />
  const error = notice.kind === 'error'
  return (
    <p className={`notice notice-${notice.kind}`} role={error ? 'alert' : 'status'} data-testid={testId} data-kind={notice.kind}>
      <span className="notice-icon" role="img" aria-label={error ? t.messages.errorIcon : t.messages.successIcon}>
        {error ? '⚠' : '✓'}
      </span>
      <span>{noticeText(t, num, notice)}</span>
    </p>
  )
}
