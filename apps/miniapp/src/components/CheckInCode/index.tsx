import { Text, View } from '@tarojs/components'
import { codeGroups } from '../../services/fairs'
import QrCode from '../QrCode'
import './index.scss'

export interface CheckInCodeProps {
  code: string
  /** 已签到: the code is shown dimmed with the time. */
  checkedInAt?: string | null
}

/**
 * Her check-in code in large digits, grouped as the station reads it out or types it
 * (fair · her number · mark), under a QR code of the same 18 digits that the desk scans. The
 * digits stay: they work when the camera cannot, and can be read aloud or typed.
 */
export default function CheckInCode({ code, checkedInAt }: CheckInCodeProps) {
  const groups = codeGroups(code)
  return (
    <View className={`checkin-code${checkedInAt ? ' checkin-code--used' : ''}`} role='group' aria-label={`入场签到码 ${groups.join(' ')}`}>
      <Text className='checkin-code__label'>入场签到码（请出示给工作人员）</Text>
      <View className='checkin-code__qr'>
        <QrCode text={code} label='入场签到二维码' dimmed={Boolean(checkedInAt)} />
      </View>
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
