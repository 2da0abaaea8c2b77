import Taro from '@tarojs/taro'
import type { GeoPoint } from './posts'

/**
 * The device's position (GCJ-02, as WeChat maps and Chinese map APIs use), or null when
 * she declines or it fails. Call it only from a tap, after the privacy notice.
 */
export async function locate(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { lat: latitude, lng: longitude }
  } catch {
    return null
  }
}
