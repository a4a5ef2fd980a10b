import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { PACKAGE_JSON, appName, datasetCacheFolder, userDataFolder } from './lab-cache'

describe('the lab cache folder (Electron userData + datasets/<name>)', () => {
  it('Linux: $XDG_CONFIG_HOME, else ~/.config', () => {
    assert.equal(userDataFolder('Backprop Lab', { platform: 'linux', env: { XDG_CONFIG_HOME: '/x/cfg' }, home: '/home/u' }), '/x/cfg/Backprop Lab')
    assert.equal(userDataFolder('Backprop Lab', { platform: 'linux', env: {}, home: '/home/u' }), '/home/u/.config/Backprop Lab')
    assert.equal(userDataFolder('Backprop Lab', { platform: 'linux', env: { XDG_CONFIG_HOME: '' }, home: '/home/u' }), '/home/u/.config/Backprop Lab')
  })

  it('macOS: ~/Library/Application Support, whatever XDG says', () => {
    assert.equal(userDataFolder('Backprop Lab', { platform: 'darwin', env: { XDG_CONFIG_HOME: '/x' }, home: '/Users/u' }), '/Users/u/Library/Application Support/Backprop Lab')
  })

  it('Windows: %APPDATA%, else the profile\'s AppData\\Roaming', () => {
    assert.equal(userDataFolder('Backprop Lab', { platform: 'win32', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, home: 'C:\\Users\\u' }), 'C:\\Users\\u\\AppData\\Roaming\\Backprop Lab')
    assert.equal(userDataFolder('Backprop Lab', { platform: 'win32', env: {}, home: 'C:\\Users\\u' }), 'C:\\Users\\u\\AppData\\Roaming\\Backprop Lab')
  })

  it('the app name is productName before name, and this package.json\'s agrees with what electron-builder packages', () => {
    assert.equal(appName({ name: 'backprop-lab', productName: 'Backprop Lab' }), 'Backprop Lab')
    assert.equal(appName({ name: 'backprop-lab' }), 'backprop-lab')
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { productName: string; build: { productName: string } }
    assert.equal(appName(pkg), pkg.build.productName, 'the CLI and the packaged app must pick the same folder')
  })

  it('each data set has its own folder under datasets/', () => {
    assert.match(datasetCacheFolder('/c/Backprop Lab', 'fashion'), /Backprop Lab[/\\]datasets[/\\]fashion$/)
  })
})
