import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()],
  },
})
