import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { locate, pickPlace, roundPoint } from '../../services/location'
import type { GeoPoint, Region } from '../../types/api'
import { Alert, ActionButton, TextInput } from '../Form'
import Select from '../Select'
import './index.scss'

export interface LocationValue {
  regionCode: string
  /** The exact point when she picked or shared one; otherwise the district's centre is used. */
  point: GeoPoint | null
  address: string
}

export interface LocationFieldProps {
  label: string
  regions: Region[]
  value: LocationValue
  onChange: (value: LocationValue) => void
  /** Offer the map picker / current position (privacy APIs: only after the privacy notice). */
  allowPick?: boolean
  /** Ask for a street address too (employers). */
  withAddress?: boolean
}

/** The point to store: the picked one, else the district's centre. */
export function effectivePoint(value: LocationValue, regions: readonly Region[]): GeoPoint | null {
  if (value.point) return value.point
  return regions.find((r) => r.code === value.regionCode)?.center ?? null
}

function parseCoordinates(text: string): GeoPoint | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text)
  if (!m) return null
  const lat = Number(m[1])
  const lng = Number(m[2])
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null
}

/**
 * Where: a district (always), and a point. WeChat offers its map picker (chooseLocation) and the
 * current position (getLocation); H5 offers the browser's position and typed coordinates, and
 * falls back to the district's centre, which is close enough to sort posts by distance.
 */
export default function LocationField({ label, regions, value, onChange, allowPick = true, withAddress = false }: LocationFieldProps) {
  const [coords, setCoords] = useState('')
  const [coordsError, setCoordsError] = useState<string | null>(null)
  const index = regions.findIndex((r) => r.code === value.regionCode)
  const isWeapp = process.env.TARO_ENV === 'weapp'

  const pickOnMap = async () => {
    const picked = await pickPlace(value.point ?? effectivePoint(value, regions))
    if (picked) onChange({ ...value, point: picked.point, address: value.address || picked.address || picked.name })
  }
  const shareMyPosition = async () => {
    const here = await locate()
    if (here) onChange({ ...value, point: roundPoint(here) })
    else setCoordsError('未能获取位置，将按所选区县的中心计算距离')
  }

  return (
    <View className='location-field' role='group' aria-label={label}>
      <Select
        label={`${label}：所在区县`}
        range={regions.map((r) => r.name)}
        value={index}
        onChange={(i) => onChange({ ...value, regionCode: regions[i].code })}
      >
        <View className='location-field__region'>
          <Text>{index >= 0 ? regions[index].name : regions.length ? '请选择区县' : '正在加载区县…'}</Text>
          <Text aria-hidden> ▾</Text>
        </View>
      </Select>
      {withAddress && (
        <TextInput label={`${label}：详细地址`} value={value.address} onChange={(address) => onChange({ ...value, address })} maxLength={200} placeholder='街道、门牌号' />
      )}
      {allowPick && (
        <View className='location-field__actions'>
          {isWeapp && (
            <ActionButton kind='secondary' small onClick={() => void pickOnMap()}>
              在地图上选择位置
            </ActionButton>
          )}
          <ActionButton kind='secondary' small onClick={() => void shareMyPosition()}>
            使用我现在的位置
          </ActionButton>
        </View>
      )}
      {!isWeapp && withAddress && (
        <TextInput
          label={`${label}：经纬度（可不填）`}
          value={coords}
          placeholder='纬度,经度，例如 37.513,122.121'
          onChange={(text) => {
            setCoords(text)
            if (!text.trim()) {
              setCoordsError(null)
              onChange({ ...value, point: null })
              return
            }
            const point = parseCoordinates(text)
            setCoordsError(point ? null : '请按“纬度,经度”填写，例如 37.513,122.121')
            if (point) onChange({ ...value, point })
          }}
        />
      )}
      <Text className='location-field__status'>
        {value.point
          ? `已选位置：${value.point.lat.toFixed(3)}, ${value.point.lng.toFixed(3)}`
          : index >= 0
            ? `未选具体位置，按${regions[index].name}中心计算距离`
            : ''}
      </Text>
      {coordsError && (
        <Alert className='field__error'>
          {coordsError}
        </Alert>
      )}
    </View>
  )
}
