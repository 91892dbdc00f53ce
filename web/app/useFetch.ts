import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from './api.ts'

/**
 * Loads data on mount and whenever `deps` change (compared by value); `reload` fetches again.
 * A response that arrives after a newer request started is dropped.
 */
export function useFetch<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const generation = useRef(0)
  const latestLoad = useRef(load)
  latestLoad.current = load
  const key = JSON.stringify(deps)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    try {
      const result = await latestLoad.current()
      if (mine !== generation.current) return
      setData(result)
      setError(undefined)
    } catch (e) {
      if (mine !== generation.current) return
      setError(e instanceof ApiError ? e : new ApiError({ code: 'unknown', title: String(e), status: 0 }))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the value of the caller's deps
  useEffect(() => {
    void reload()
  }, [key, reload])
  return { data, error, loading, reload }
}
