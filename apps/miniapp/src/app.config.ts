export default defineAppConfig({
  // Main package: what a mother uses. The first page is the home page.
  pages: [
    'pages/index/index',
    'pages/search/index',
    'pages/me/index',
    'pages/post/index',
    'pages/onboarding/index',
  ],
  // One subpackage per role, downloaded only when that role opens it.
  subPackages: [
    {
      root: 'packages/employer',
      name: 'employer',
      pages: ['filing/index', 'posts/index', 'post-form/index', 'applicants/index'],
    },
    {
      root: 'packages/station',
      name: 'station',
      pages: ['register/index', 'worklist/index', 'mother/index'],
    },
    {
      root: 'packages/official',
      name: 'official',
      pages: ['filings/index', 'dashboard/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f6f6',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '妈妈岗',
    navigationBarTextStyle: 'black',
  },
  // Text-only tab bar: no icon files to ship.
  tabBar: {
    color: '#5c5c5c',
    selectedColor: '#e8556d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/search/index', text: '搜索' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // WeChat: declare the location APIs we call and explain why we ask.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': {
      desc: '用于为您推荐离家近的妈妈岗位，并计算岗位与您的距离',
    },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
})
