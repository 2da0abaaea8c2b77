export default definePageConfig({
  navigationBarTitleText: '我的12333就业服务',
})
