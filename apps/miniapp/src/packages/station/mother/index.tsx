import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '基本信息、孩子阶段和求职意向',
  '12333 服务计划与已完成记录',
  '为她推荐岗位并记录推荐结果',
  '就业后的回访',
]

export default function StationMotherPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='宝妈档案' summary='一位宝妈的登记信息、服务记录和求职进展。' planned={PLANNED} />
    </View>
  )
}
