import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '待审核的备案列表，查看材料与信用代码校验结果',
  '通过或退回并写明原因',
  '认定“友好企业”和“就业基地”',
]

export default function OfficialFilingsPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='单位备案审核' summary='人社局 / 妇联审核用人单位的备案申请。' planned={PLANNED} />
    </View>
  )
}
