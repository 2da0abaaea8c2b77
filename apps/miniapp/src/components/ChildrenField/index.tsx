import { Text, View } from '@tarojs/components'
import { CHILDCARE_STAGES, childAge, stageForChildAge } from '@mamagang/domain'
import type { ChildInput } from '../../types/api'
import { todayInChina } from '../../utils/format'
import { Alert, ActionButton } from '../Form'
import Select from '../Select'
import './index.scss'

export interface ChildrenFieldProps {
  value: ChildInput[]
  onChange: (children: ChildInput[]) => void
  /** 'YYYY-MM-DD'; defaults to today in China (tests pass a fixed day). */
  today?: string
  /** At most this many children can be listed. */
  max?: number
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/** Birth years offered: this year back to 13 years ago (a child of 12 no longer counts, but may be listed). */
export function birthYears(today: string): number[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: 14 }, (_, i) => year - i)
}

/** The age and stage line under a child, or the domain's message when the month is in the future. */
export function describeChild(child: ChildInput, today: string): { text: string; error: boolean } {
  const age = childAge(child.birthYear, child.birthMonth, today)
  if (!age.ok) return { text: age.message, error: true }
  const stage = stageForChildAge(age.totalMonths)
  const ageText = age.years > 0 ? `${age.years}岁${age.months > 0 ? `${age.months}个月` : ''}` : `${age.months}个月`
  return stage
    ? { text: `${ageText}，${CHILDCARE_STAGES[stage].label}`, error: false }
    : { text: `${ageText}，已满12周岁（不计入妈妈岗条件）`, error: false }
}

/** Children by birth year and month: the only thing about them we ask. */
export default function ChildrenField({ value, onChange, today = todayInChina(), max = 6 }: ChildrenFieldProps) {
  const years = birthYears(today)
  const update = (index: number, patch: Partial<ChildInput>) =>
    onChange(value.map((child, i) => (i === index ? { ...child, ...patch } : child)))

  return (
    <View className='children-field' role='group' aria-label='孩子的出生年月'>
      {value.map((child, index) => {
        const described = describeChild(child, today)
        const n = index + 1
        return (
          <View key={index} className='children-field__child'>
            <Text className='children-field__title'>第{n}个孩子</Text>
            <View className='children-field__row'>
              <Select
                label={`第${n}个孩子出生年份`}
                range={years.map((y) => `${y}年`)}
                value={years.indexOf(child.birthYear)}
                onChange={(i) => update(index, { birthYear: years[i] })}
              >
                <View className='children-field__pick'>
                  <Text>{child.birthYear}年</Text>
                  <Text aria-hidden> ▾</Text>
                </View>
              </Select>
              <Select
                label={`第${n}个孩子出生月份`}
                range={MONTHS.map((m) => `${m}月`)}
                value={child.birthMonth - 1}
                onChange={(i) => update(index, { birthMonth: MONTHS[i] })}
              >
                <View className='children-field__pick'>
                  <Text>{child.birthMonth}月</Text>
                  <Text aria-hidden> ▾</Text>
                </View>
              </Select>
              {value.length > 1 && (
                <View
                  className='children-field__remove'
                  role='button'
                  aria-label={`删除第${n}个孩子`}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  <Text>删除</Text>
                </View>
              )}
            </View>
            {described.error ? (
              <Alert className='children-field__error'>{described.text}</Alert>
            ) : (
              <Text className='children-field__stage'>{described.text}</Text>
            )}
          </View>
        )
      })}
      {value.length < max && (
        <ActionButton
          kind='secondary'
          small
          onClick={() => onChange([...value, { birthYear: Number(today.slice(0, 4)) - 3, birthMonth: 1 }])}
        >
          + 添加孩子
        </ActionButton>
      )}
    </View>
  )
}
