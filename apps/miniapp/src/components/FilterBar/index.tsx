import { Text, View } from '@tarojs/components'
import { CHILDCARE_STAGE_CODES, CHILDCARE_STAGES, type ChildcareStage, type PostTypeCode } from '@mamagang/domain'
import { DISTANCE_OPTIONS, MIN_PAY_OPTIONS, POST_TYPE_OPTIONS, type Option } from '../../constants/options'
import Select from '../Select'
import { DEFAULT_FILTER, SORT_OPTIONS, isDefaultFilter, type PostFilter } from './filter'
import './index.scss'

export { DEFAULT_FILTER, SORT_OPTIONS, isDefaultFilter, filterToQuery } from './filter'
export type { PostFilter, PostSort } from './filter'

const ANY = '不限'

export interface FilterBarProps {
  /** Current filter (controlled). */
  value: PostFilter
  /** Called with the whole new filter after every change. */
  onChange: (next: PostFilter) => void
  /** Post types to offer; defaults to the whole catalogue. */
  typeOptions?: Option<PostTypeCode>[]
}

interface SelectChipProps<T> {
  label: string
  options: Option<T>[]
  value: T | null
  /** Offer 不限 as the first choice. */
  nullable: boolean
  onSelect: (value: T | null) => void
}

/** Short stage labels for a chip: 全程陪伴型 (0-3岁). */
const STAGE_CHIP_OPTIONS: Option<ChildcareStage>[] = CHILDCARE_STAGE_CODES.map((code) => ({
  value: code,
  label: `${CHILDCARE_STAGES[code].label} (${CHILDCARE_STAGES[code].ageText})`,
}))

/** A labelled chip that opens a native picker (WeChat's bottom sheet, a select on H5). */
function SelectChip<T>({ label, options, value, nullable, onSelect }: SelectChipProps<T>) {
  const choices = nullable ? [ANY, ...options.map((o) => o.label)] : options.map((o) => o.label)
  const index = options.findIndex((o) => o.value === value)
  const selectedIndex = nullable ? index + 1 : Math.max(index, 0)
  const active = nullable && index >= 0
  const shown = index >= 0 ? options[index].label : ANY

  return (
    <Select
      label={label}
      range={choices}
      value={selectedIndex}
      onChange={(picked) => {
        const option = nullable ? options[picked - 1] : options[picked]
        onSelect(option ? option.value : null)
      }}
    >
      <View className={`filter-bar__chip${active ? ' filter-bar__chip--active' : ''}`}>
        <Text className='filter-bar__chip-label'>{label}</Text>
        <Text className='filter-bar__chip-value'>{shown}</Text>
        <Text className='filter-bar__chip-arrow' aria-hidden>
          ▾
        </Text>
      </View>
    </Select>
  )
}

interface ToggleProps {
  label: string
  checked: boolean
  onToggle: () => void
}

function Toggle({ label, checked, onToggle }: ToggleProps) {
  return (
    <View
      className={`filter-bar__toggle${checked ? ' filter-bar__toggle--on' : ''}`}
      role='switch'
      aria-checked={checked}
      aria-label={label}
      onClick={onToggle}
    >
      <Text className='filter-bar__toggle-mark' aria-hidden>
        {checked ? '✓' : '+'}
      </Text>
      <Text>{label}</Text>
    </View>
  )
}

export default function FilterBar({ value, onChange, typeOptions = POST_TYPE_OPTIONS }: FilterBarProps) {
  const set = <K extends keyof PostFilter>(key: K, next: PostFilter[K]) => {
    if (value[key] === next) return
    onChange({ ...value, [key]: next })
  }

  return (
    <View className='filter-bar'>
      <View className='filter-bar__row'>
        <SelectChip label='距离' options={DISTANCE_OPTIONS} value={value.radiusKm} nullable onSelect={(v) => set('radiusKm', v)} />
        <SelectChip label='类型' options={typeOptions} value={value.type} nullable onSelect={(v) => set('type', v)} />
        <SelectChip label='阶段' options={STAGE_CHIP_OPTIONS} value={value.stage} nullable onSelect={(v) => set('stage', v)} />
        <SelectChip label='薪资' options={MIN_PAY_OPTIONS} value={value.minHourly} nullable onSelect={(v) => set('minHourly', v)} />
        <SelectChip
          label='排序'
          options={SORT_OPTIONS}
          value={value.sort}
          nullable={false}
          onSelect={(v) => set('sort', v ?? DEFAULT_FILTER.sort)}
        />
      </View>
      <View className='filter-bar__row'>
        <Toggle label='适合我的时间' checked={value.fitsMyHours} onToggle={() => set('fitsMyHours', !value.fitsMyHours)} />
        <Toggle label='可带回家做' checked={value.takeHome} onToggle={() => set('takeHome', !value.takeHome)} />
        <Toggle label='远程线上' checked={value.remote} onToggle={() => set('remote', !value.remote)} />
        {!isDefaultFilter(value) && (
          <View className='filter-bar__reset' role='button' onClick={() => onChange({ ...DEFAULT_FILTER })}>
            <Text>重置</Text>
          </View>
        )}
      </View>
    </View>
  )
}
