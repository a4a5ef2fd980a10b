import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { devIndexHtml } from './src-main/dev-csp'

/**
 * Under `electron-vite dev` only: index.html's CSP meta tag becomes the dev policy, since the React refresh
 * preamble is an inline script and Vite injects CSS as inline <style>. `electron-vite build` keeps the strict one.
 */
const devCsp: Plugin = { name: 'backprop-lab-dev-csp', apply: 'serve', transformIndexHtml: (html) => devIndexHtml(html) }

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src-main/main.ts'),
          // the training worker thread, with a stable name so tests can load the built bundle
          worker: resolve('src-worker/node/entry-node.ts'),
        },
      },
    },
  },
  preload: {
    build: { rolldownOptions: { input: { index: resolve('src-main/preload/index.ts') } } },
  },
  renderer: {
    root: 'src-renderer',
    // minified: the renderer is the one bundle a user's window parses at every start
    build: { minify: true, rolldownOptions: { input: { index: resolve('src-renderer/index.html') } } },
    plugins: [react(), devCsp],
  },
})
