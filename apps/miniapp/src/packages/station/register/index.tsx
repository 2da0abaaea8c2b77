import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '录入宝妈基本信息和孩子情况，自动判断是否符合妈妈岗条件',
  '填写需求调查（个人、家庭、意向工作方式、意向行业、培训需求）',
  '登记后自动生成一年的 12333 服务计划',
]

export default function StationRegisterPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='求职登记' summary='驿站工作人员为到场的宝妈办理求职登记。' planned={PLANNED} />
    </View>
  )
}
