import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '按岗位查看申请人及其可工作时间',
  '联系申请人、安排面试',
  '标记录用或不合适，录用后填写合同信息',
]

export default function EmployerApplicantsPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='应聘人员' summary='查看和处理投递到本单位岗位的申请。' planned={PLANNED} />
    </View>
  )
}
