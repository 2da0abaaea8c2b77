import { Map as TaroMap, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { getPost } from '../../services/posts'
import type { GeoPoint, SearchHit } from '../../types/api'
import { formatDistance } from '../../utils/format'
import './index.scss'

export interface PostMapProps {
  hits: SearchHit[]
  /** Her home or position: the centre. */
  center: GeoPoint | null
  onTap: (postId: string) => void
}

interface Placed {
  hit: SearchHit
  point: GeoPoint
}

/** Post positions already read, shared by every map on the page (a post does not move). */
const known = new Map<string, GeoPoint | null>()

/**
 * Search answers carry the distance, not the coordinates; the map reads each shown post's place
 * from its detail, four at a time, once per post.
 */
function usePlaces(hits: SearchHit[]): Map<string, GeoPoint | null> {
  const [, setVersion] = useState(0)
  useEffect(() => {
    let cancelled = false
    const todo = hits.filter((hit) => !known.has(hit.post.id) && !hit.post.remote).map((hit) => hit.post.id)
    const next = async (): Promise<void> => {
      const id = todo.shift()
      if (!id || cancelled) return
      try {
        known.set(id, (await getPost(id, { silent: true })).place.location)
      } catch {
        known.set(id, null)
      }
      if (!cancelled) setVersion((v) => v + 1)
      return next()
    }
    void Promise.all([next(), next(), next(), next()])
    return () => {
      cancelled = true
    }
  }, [hits])
  return known
}

function placed(hits: SearchHit[], places: Map<string, GeoPoint | null>): Placed[] {
  return hits.flatMap((hit) => {
    const point = places.get(hit.post.id)
    return point ? [{ hit, point }] : []
  })
}

/** Map positions as percentages of a square box around the centre (H5 plot). */
export function plot(points: GeoPoint[], center: GeoPoint): { x: number; y: number }[] {
  const cosLat = Math.cos((center.lat * Math.PI) / 180)
  const dx = points.map((p) => (p.lng - center.lng) * cosLat)
  const dy = points.map((p) => p.lat - center.lat)
  const span = Math.max(0.005, ...dx.map(Math.abs), ...dy.map(Math.abs)) * 1.15
  return points.map((_, i) => ({ x: 50 + (dx[i] / span) * 50, y: 50 - (dy[i] / span) * 50 }))
}

/**
 * The posts around her. WeChat: the native map with a marker per post (tap a marker to open it).
 * H5 has no map without a map-service key, so it draws the same posts on a plain plot around
 * her home, numbered like the list under it; remote and take-home posts are listed apart.
 */
export default function PostMap({ hits, center, onTap }: PostMapProps) {
  const places = usePlaces(hits)
  const onMap = placed(hits, places)
  const elsewhere = hits.filter((hit) => hit.post.remote || (places.has(hit.post.id) && !places.get(hit.post.id)))
  const pending = hits.some((hit) => !hit.post.remote && !places.has(hit.post.id))
  const origin = center ?? onMap[0]?.point ?? null

  if (process.env.TARO_ENV === 'weapp' && origin) {
    const markers = onMap.map((p, i) => ({
      id: i,
      latitude: p.point.lat,
      longitude: p.point.lng,
      title: p.hit.post.title,
      width: 30,
      height: 30,
      iconPath: '',
      callout: { content: `${p.hit.post.title} ${p.hit.post.payText}`, display: 'BYCLICK', fontSize: 16, padding: 8, borderRadius: 8 },
    }))
    return (
      <View className='post-map'>
        <TaroMap
          className='post-map__native'
          latitude={origin.lat}
          longitude={origin.lng}
          scale={13}
          showLocation
          markers={markers as never}
          onCalloutTap={(event) => {
            const id = Number((event.detail as { markerId?: number }).markerId)
            const hit = onMap[id]?.hit
            if (hit) onTap(hit.post.id)
          }}
          onError={() => undefined}
        />
        <MapLegend placedHits={onMap.map((p) => p.hit)} elsewhere={elsewhere} onTap={onTap} />
      </View>
    )
  }

  const positions = origin ? plot(onMap.map((p) => p.point), origin) : []
  return (
    <View className='post-map'>
      {origin && onMap.length > 0 ? (
        <View className='post-map__plot' role='img' aria-label={`地图：${onMap.length}个岗位在您周围`}>
          <View className='post-map__home' style={{ left: '50%', top: '50%' }}>
            <Text>家</Text>
          </View>
          {onMap.map((p, i) => (
            <View
              key={p.hit.post.id}
              className='post-map__pin'
              style={{ left: `${positions[i].x}%`, top: `${positions[i].y}%` }}
              role='button'
              aria-label={`${i + 1}号：${p.hit.post.title}`}
              onClick={() => onTap(p.hit.post.id)}
            >
              <Text>{i + 1}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='hint'>{pending ? '正在标注岗位位置…' : '这些岗位没有固定的工作地点。'}</Text>
      )}
      <MapLegend placedHits={onMap.map((p) => p.hit)} elsewhere={elsewhere} onTap={onTap} />
    </View>
  )
}

function MapLegend({ placedHits, elsewhere, onTap }: { placedHits: SearchHit[]; elsewhere: SearchHit[]; onTap: (id: string) => void }) {
  return (
    <View className='post-map__legend' role='list' aria-label='地图上的岗位'>
      {placedHits.map((hit, i) => (
        <View key={hit.post.id} className='post-map__row' role='listitem' onClick={() => onTap(hit.post.id)}>
          <Text className='post-map__num'>{i + 1}</Text>
          <Text className='post-map__title'>{hit.post.title}</Text>
          <Text className='post-map__meta'>{[formatDistance(hit.distanceKm), hit.post.payText].filter(Boolean).join(' · ')}</Text>
        </View>
      ))}
      {elsewhere.length > 0 && <Text className='post-map__subtitle'>在家就能做（远程或带回家）</Text>}
      {elsewhere.map((hit) => (
        <View key={hit.post.id} className='post-map__row' role='listitem' onClick={() => onTap(hit.post.id)}>
          <Text className='post-map__num'>·</Text>
          <Text className='post-map__title'>{hit.post.title}</Text>
          <Text className='post-map__meta'>{hit.post.payText}</Text>
        </View>
      ))}
    </View>
  )
}
