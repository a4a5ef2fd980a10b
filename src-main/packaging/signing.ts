// Code signing and notarization for `npm run dist`, driven by electron-builder's standard environment
// variables. Absent credentials skip signing with a printed reason; an unsigned local build never fails.

export interface SigningPlan {
  /** extra electron-builder arguments */
  args: string[]
  /** extra environment for electron-builder */
  env: Record<string, string>
  /** what happens, said to the person building */
  notes: string[]
}

const has = (env: NodeJS.ProcessEnv, ...names: string[]) => names.every((n) => (env[n] ?? '') !== '')

export function signingPlan(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): SigningPlan {
  if (platform === 'darwin') {
    const certificate = has(env, 'CSC_LINK') || has(env, 'CSC_NAME')
    if (!certificate) {
      return {
        args: ['-c.mac.notarize=false'],
        env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
        notes: [
          'macOS: not signed (set CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME, to sign). An unsigned app copied to another Mac opens as "damaged";',
          '       there, `xattr -cr "/Applications/Backprop Lab.app"` lets it run. Releases are signed in the release workflow.',
        ],
      }
    }
    const apiKey = has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER')
    const appleId = has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID')
    if (apiKey || appleId) return { args: ['-c.mac.notarize=true'], env: {}, notes: [`macOS: signed and notarized (${apiKey ? 'App Store Connect API key' : 'Apple ID'})`] }
    return {
      args: ['-c.mac.notarize=false'],
      env: {},
      notes: ['macOS: signed, not notarized (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID): Gatekeeper will warn on other Macs'],
    }
  }
  if (platform === 'win32') {
    if (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')) return { args: [], env: {}, notes: ['Windows: signed with the certificate in WIN_CSC_LINK / CSC_LINK'] }
    return { args: [], env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, notes: ['Windows: not signed (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign); SmartScreen will warn on first run'] }
  }
  return { args: [], env: {}, notes: ['Linux: the .deb is not signed (apt verifies repositories, not packages)'] }
}
