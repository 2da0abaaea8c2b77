export default defineAppConfig({
  // Main package: what a mother uses. The first page is the home page.
  pages: [
    'pages/index/index',
    'pages/search/index',
    'pages/me/index',
    'pages/post/index',
    'pages/onboarding/index',
    'pages/login/index',
  ],
  // One subpackage per role, downloaded only when that role opens it.
  subPackages: [
    {
      // A mother's own records: opened from 我的, not needed for the first screen.
      root: 'packages/mother',
      name: 'mother',
      pages: ['applications/index', 'profile/index', 'resume/index', 'plan/index', 'policies/index', 'help/index', 'fairs/index', 'fair/index', 'live/index', 'sharing/index', 'data/index'],
    },
    {
      root: 'packages/employer',
      name: 'employer',
      pages: ['filing/index', 'posts/index', 'post-form/index', 'applicants/index', 'sharing/index'],
    },
    {
      root: 'packages/station',
      name: 'station',
      pages: ['worklist/index', 'register/index', 'survey/index', 'mother/index'],
    },
    {
      root: 'packages/official',
      name: 'official',
      pages: ['filings/index', 'posts/index', 'dashboard/index'],
    },
    {
      // Fairs for their organisers (stations and officials): publish, check in at the door, results.
      root: 'packages/fairs',
      name: 'fairs',
      pages: ['manage/index', 'form/index', 'desk/index'],
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
    selectedColor: '#c73e56',
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
