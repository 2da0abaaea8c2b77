/**
 * Where a workplace or an employer may be pinned on the map. The mini-program's map picker
 * happily returns (0, 0) or a point in the wrong city when the phone has no fix, so the API
 * checks every pin against China and against the region the post or filing names.
 */
import { GeoPoint, haversineKm } from './matching';

/**
 * A generous box around China's land and islands (Mohe 53.6°N, Zengmu Ansha 3.8°N, Pamirs
 * 73.4°E, Fuyuan 135.1°E). It also takes in a few neighbours; the distance from the region's
 * centre is the check that really pins a point down.
 */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.4, maxLng: 135.1 } as const;

/** A workplace of a city or district lies within this distance of the region's centre. */
export const MAX_KM_FROM_REGION_CENTRE = 100;

export function isInChina(point: GeoPoint): boolean {
  const { lat, lng } = point;
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= CHINA_BOUNDS.minLat &&
    lat <= CHINA_BOUNDS.maxLat &&
    lng >= CHINA_BOUNDS.minLng &&
    lng <= CHINA_BOUNDS.maxLng
  );
}

export interface LocationProblem {
  code: 'LOCATION_NOT_IN_CHINA' | 'LOCATION_TOO_FAR';
  message: string;
}

/** Null when the point is in China and within `maxKm` of the region's centre. */
export function checkLocationInRegion(
  point: GeoPoint,
  region: { name: string; center: GeoPoint },
  maxKm: number = MAX_KM_FROM_REGION_CENTRE,
): LocationProblem | null {
  if (!isInChina(point)) {
    return { code: 'LOCATION_NOT_IN_CHINA', message: '地图位置不在中国境内，请在地图上重新选择位置' };
  }
  const km = haversineKm(point, region.center);
  if (km > maxKm) {
    return {
      code: 'LOCATION_TOO_FAR',
      message: `地图位置距${region.name}约${Math.round(km)}公里，超出${maxKm}公里，请核对所在地区和地图位置`,
    };
  }
  return null;
}
