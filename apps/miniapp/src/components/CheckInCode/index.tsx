import { Text, View } from '@tarojs/components'
import { codeGroups } from '../../services/fairs'
import './index.scss'

export interface CheckInCodeProps {
  code: string
  /** 已签到: the code is shown dimmed with the time. */
  checkedInAt?: string | null
}

/**
 * Her check-in code in large digits, grouped as the station reads it out or types it
 * (fair · her number · mark). A QR code could carry the same 18 digits; the digits alone work
 * on any phone and can be read aloud.
 */
export default function CheckInCode({ code, checkedInAt }: CheckInCodeProps) {
  const groups = codeGroups(code)
  return (
    <View className={`checkin-code${checkedInAt ? ' checkin-code--used' : ''}`} role='group' aria-label={`入场签到码 ${groups.join(' ')}`}>
      <Text className='checkin-code__label'>入场签到码（请出示给工作人员）</Text>
      <View className='checkin-code__digits'>
        {groups.map((g, i) => (
          <Text key={`${i}-${g}`} className='checkin-code__group'>
            {g}
          </Text>
        ))}
      </View>
      {checkedInAt && <Text className='checkin-code__note'>已签到</Text>}
    </View>
  )
}
