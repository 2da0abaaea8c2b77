import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '填写单位名称、统一社会信用代码（自动校验）、单位类型和联系人',
  '上传营业执照等材料',
  '查看审核进度，审核通过后即可发布岗位',
  '申请“妈妈岗友好企业”认定',
]

export default function EmployerFilingPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='单位备案' summary='用人单位填写统一社会信用代码和联系人，申请加入妈妈岗用人单位名录。' planned={PLANNED} />
    </View>
  )
}
