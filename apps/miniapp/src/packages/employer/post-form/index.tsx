import { View } from '@tarojs/components'
import PagePlaceholder from '../../../components/PagePlaceholder'

const PLANNED = [
  '按岗位目录选择类型，自动带出时间、计薪、社保和合同的默认要求',
  '填写工作时间（支持按接送时间排班）和地点',
  '填写薪资，自动折算时薪',
  '预览后提交，审核通过即上线',
]

export default function EmployerPostFormPage() {
  return (
    <View className='page'>
      <PagePlaceholder title='发布岗位' summary='用手机几分钟发布一个妈妈岗岗位。' planned={PLANNED} />
    </View>
  )
}
