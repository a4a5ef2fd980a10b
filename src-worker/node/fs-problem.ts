// A file-system error in the user's words, naming the file: for the CLI's and the desktop's file reads.
import { readlink } from 'node:fs/promises'
import { resolve } from 'node:path'

/**
 * What went wrong reaching `path` (shown as `label`), in words: a symlink loop, a dangling link, a missing
 * file, no permission. Never a bare errno.
 */
export async function fsProblem(error: unknown, path: string, label: string): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ELOOP':
      return `${label} is a symbolic link that leads back to itself (ELOOP), so there is nothing to read`
    case 'ENOENT': {
      const link = await readlink(path).catch(() => undefined)
      return link === undefined ? `${label} does not exist` : `${label} is a symbolic link to ${resolve(path, '..', link)}, which does not exist`
    }
    case 'EACCES':
    case 'EPERM':
      return `${label} cannot be read: permission denied`
    case 'ENOTDIR':
      return `${label} does not exist (a part of its path is a file, not a folder)`
    case 'EISDIR':
      return `${label} is a folder, not a file`
    default:
      return `${label} cannot be read (${code ?? 'error'}: ${(error as Error).message})`
  }
}
