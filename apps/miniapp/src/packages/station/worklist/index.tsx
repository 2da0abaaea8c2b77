import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '今日到期和已逾期的服务（政策对接、职业指导、岗位推荐、培训信息）',
  '按宝妈查看服务完成进度',
  '快速记录一次服务：方式、内容和结果',
]

export default function StationWorklistPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='服务工作台' summary='驿站工作人员每天要跟进的 12333 服务。' planned={PLANNED} />
    </View>
  )
}
