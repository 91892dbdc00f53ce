import { Alert } from 'antd'
import type { ApiError } from '../app/api.ts'

/** Shows an API problem's localized title (and any field messages not placed on a form). */
export function ProblemAlert({
  error,
  onClose,
}: {
  error: ApiError | undefined | null
  onClose?: () => void
}) {
  if (!error) return null
  const details = error.problem.errors?.map((e) => e.message)
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={error.problem.title}
      description={details?.length ? details.join('；') : undefined}
      closable={onClose ? { onClose } : undefined}
      style={{ marginBottom: 16 }}
    />
  )
}
