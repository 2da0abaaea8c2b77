import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '岗位数、申请数、录用数及趋势',
  '12333 服务完成率和逾期情况',
  '补贴申请与审核情况',
  '导出报表',
]

export default function OfficialDashboardPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='数据看板' summary='按地区和岗位类型查看妈妈岗的运行情况。' planned={PLANNED} />
    </View>
  )
}
