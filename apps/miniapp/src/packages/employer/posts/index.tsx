import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '查看在招、已暂停、已结束的岗位',
  '每个岗位的浏览、申请和录用人数',
  '快速暂停或重新发布岗位',
  '报告每一次录用（用于补贴申请）',
]

export default function EmployerPostsPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='我发布的岗位' summary='管理本单位发布的妈妈岗岗位。' planned={PLANNED} />
    </View>
  )
}
