import { checkLocationInRegion, isInChina } from './geo';

const WEIHAI = { name: '威海市', center: { lat: 37.5131, lng: 122.1201 } };

describe('isInChina', () => {
  it.each([
    ['Weihai', 37.5131, 122.1201, true],
    ['Urumqi', 43.8256, 87.6168, true],
    ['Sanya', 18.2528, 109.5119, true],
    ['Mohe', 53.35, 122.37, true],
    ['the (0, 0) of a phone without a fix', 0, 0, false],
    ['lat and lng swapped', 122.1201, 37.5131, false],
    ['New York', 40.7128, -74.006, false],
    ['Moscow', 55.7558, 37.6173, false],
    ['not a number', Number.NaN, 122, false],
  ])('%s (%d, %d): %s', (_name, lat, lng, inside) => {
    expect(isInChina({ lat, lng })).toBe(inside);
  });
});

describe('checkLocationInRegion', () => {
  it.each([
    ['the centre itself', 37.5131, 122.1201, null],
    ['Rongcheng, 35 km off, in the city', 37.1652, 122.4867, null],
    ['Yantai, about 75 km off', 37.4638, 121.4479, null],
    ['Qingdao, about 200 km off', 36.0671, 120.3826, 'LOCATION_TOO_FAR'],
    ['Beijing', 39.9042, 116.4074, 'LOCATION_TOO_FAR'],
    ['(0, 0)', 0, 0, 'LOCATION_NOT_IN_CHINA'],
  ])('%s', (_name, lat, lng, code) => {
    const problem = checkLocationInRegion({ lat, lng }, WEIHAI);
    if (code === null) expect(problem).toBeNull();
    else expect(problem?.code).toBe(code);
  });

  it('names the region and the distance', () => {
    expect(checkLocationInRegion({ lat: 36.0671, lng: 120.3826 }, WEIHAI)?.message).toMatch(/^地图位置距威海市约2\d\d公里，超出100公里/);
  });

  it('takes a smaller radius when asked', () => {
    expect(checkLocationInRegion({ lat: 37.1652, lng: 122.4867 }, WEIHAI, 10)?.code).toBe('LOCATION_TOO_FAR');
  });
});
