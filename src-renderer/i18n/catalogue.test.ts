import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { en } from './en'
import { ko } from './ko'
import { languagesSwitch, parseLanguagesSwitch } from '../../src-worker/protocol'
import { systemLanguage } from './messages'

/** Every leaf path of a catalogue with what it is: 'string' or 'function/<arity>'. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, 'string')
    else if (typeof value === 'function') out.set(path, `function/${value.length}`)
    else for (const [p, kind] of leaves(value as object, path)) out.set(p, kind)
  }
  return out
}

describe('the Korean catalogue', () => {
  const english = leaves(en)
  const korean = leaves(ko)

  it('has exactly the English keys, each of the same kind', () => {
    assert.deepEqual([...korean.keys()].sort(), [...english.keys()].sort())
    for (const [path, kind] of english) assert.equal(korean.get(path), kind, path)
  })

  it('has no empty message in either language', () => {
    for (const [name, tree] of [['en', en], ['ko', ko]] as const) {
      const empty = [...leaves(tree)].filter(([path]) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree)
        return typeof value === 'string' && value.trim() === ''
      })
      assert.deepEqual(empty, [], name)
    }
  })
})

describe('the system language', () => {
  it('is Korean for ko-KR and English for anything the lab does not speak', () => {
    assert.equal(systemLanguage(['ko-KR', 'en-US']), 'ko')
    assert.equal(systemLanguage(['de-DE', 'ko']), 'ko')
    assert.equal(systemLanguage(['fr-FR']), 'en')
    assert.equal(systemLanguage([]), 'en')
  })
})

describe("the desktop's system languages, main → preload as a switch", () => {
  it('round-trips the OS order, so a Korean second choice still wins over a language the lab lacks', () => {
    const argv = ['electron', '--type=renderer', languagesSwitch(['de-DE', 'ko-KR', 'en-US'])]
    assert.deepEqual(parseLanguagesSwitch(argv), ['de-DE', 'ko-KR', 'en-US'])
    assert.equal(systemLanguage(parseLanguagesSwitch(argv)), 'ko')
  })

  it('drops anything that is not a language tag, on both sides', () => {
    assert.equal(languagesSwitch(['ko-KR', 'x,--inspect', '', 'zh-Hant-TW']), '--lab-languages=ko-KR,zh-Hant-TW')
    assert.deepEqual(parseLanguagesSwitch(['--lab-languages=en-US,<script>,ko']), ['en-US', 'ko'])
    assert.deepEqual(parseLanguagesSwitch(['--other=1']), [])
  })
})
