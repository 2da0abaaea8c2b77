import { useCallback, useRef, useState } from 'react'
import type { SearchHit, SearchPage } from '../types/api'

export type LoadState = 'idle' | 'loading' | 'ready' | 'error'

/**
 * A list that grows 20 at a time (the API's page size). Pages are appended, never reloaded,
 * and cards are memoised, so a list of hundreds stays smooth. A stale answer (the filter changed
 * while it was on its way) is dropped.
 */
export function usePagedHits(fetchPage: (page: number) => Promise<SearchPage>) {
  const [items, setItems] = useState<SearchHit[]>([])
  const [page, setPage] = useState(0)
  const [hasMore, setHasMore] = useState(false)
  const [state, setState] = useState<LoadState>('idle')
  const generation = useRef(0)
  const busy = useRef(false)

  const load = useCallback(
    async (nextPage: number, fetcher = fetchPage) => {
      const mine = nextPage === 1 ? ++generation.current : generation.current
      busy.current = true
      setState('loading')
      try {
        const answer = await fetcher(nextPage)
        if (mine !== generation.current) return
        setItems((prev) => {
          if (nextPage === 1) return answer.items
          const seen = new Set(prev.map((hit) => hit.post.id))
          return [...prev, ...answer.items.filter((hit) => !seen.has(hit.post.id))]
        })
        setPage(nextPage)
        setHasMore(answer.hasMore)
        setState('ready')
      } catch {
        if (mine === generation.current) setState('error')
      } finally {
        if (mine === generation.current) busy.current = false
      }
    },
    [fetchPage],
  )

  const reload = useCallback((fetcher?: (page: number) => Promise<SearchPage>) => load(1, fetcher), [load])
  const loadMore = useCallback(() => {
    if (busy.current || !hasMore) return Promise.resolve()
    return load(page + 1)
  }, [hasMore, load, page])

  return { items, page, hasMore, state, reload, loadMore }
}
