import Taro from '@tarojs/taro'
import type { GeoPoint } from '../types/api'

/**
 * The device's position (GCJ-02 on WeChat, as its maps use), or null when she declines or it
 * fails. Call it only from a tap, after the privacy notice: getLocation is declared in
 * app.config's requiredPrivateInfos and covered by the privacy agreement.
 */
export async function locate(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { lat: latitude, lng: longitude }
  } catch {
    return null
  }
}

export interface PickedPlace {
  point: GeoPoint
  address: string
  name: string
}

/**
 * WeChat's map picker (chooseLocation). H5 has no picker without a map key: null, and the form
 * falls back to a typed address and the district's centre.
 */
export async function pickPlace(near?: GeoPoint | null): Promise<PickedPlace | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const picked = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {})
    return { point: { lat: picked.latitude, lng: picked.longitude }, address: picked.address, name: picked.name }
  } catch {
    return null
  }
}

/** Coordinates kept to about 100 m, as the API stores homes and schools. */
export function roundPoint(point: GeoPoint): GeoPoint {
  return { lat: Math.round(point.lat * 1000) / 1000, lng: Math.round(point.lng * 1000) / 1000 }
}
