/** A row-major float64 matrix: the engine's ndarray. Vectors (biases) are 1×n. */
export class Matrix {
  readonly data: Float64Array
  constructor(
    readonly rows: number,
    readonly cols: number,
    data?: Float64Array,
  ) {
    if (data && data.length !== rows * cols) {
      throw new RangeError(`Matrix ${rows}×${cols} needs ${rows * cols} values, got ${data.length}`)
    }
    this.data = data ?? new Float64Array(rows * cols)
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j]
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice())
  }

  /** Matrix.from([[1, 2], [3, 4]]) */
  static from(rows: number[][]): Matrix {
    const m = new Matrix(rows.length, rows[0]?.length ?? 0)
    rows.forEach((row, i) => row.forEach((v, j) => m.set(i, j, v)))
    return m
  }

  toArrays(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)))
  }
}
