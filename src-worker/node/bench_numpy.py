"""The book's chapter-5 training run in numpy, for `npm run bench` (src-worker/node/bench.ts).

The layers (the very text the Layers pane shows: book-code.test.ts checks it), TwoLayerNet and loop are
the book's code (common/layers.py, common/functions.py,
ch05/two_layer_net.py, ch05/train_neuralnet.py), with these differences only:
  * the data are the default digits the bench writes as raw files (--data DIR), not load_mnist();
    like load_mnist(normalize=True, one_hot_label=True), x is float32 / 255 and t is one-hot;
  * --dtype float32 also keeps the params in float32 (the book's params are float64 from randn);
  * evaluation follows the engine's rule (src-worker/train.ts): at iteration 0 and at the first iteration
    of each new epoch (the book's `i % iter_per_epoch == 0` holds only at i = 0 when iter_per_epoch is
    79.96), plus once after the last iteration if that was not an evaluation;
  * the step (gather, gradient, update, loss) is timed without drawing the batch and without evaluation,
    like the engine's msPerIteration.
Prints one JSON object.
"""
import argparse
import ctypes
import glob
import json
import os
import time
from collections import OrderedDict

import numpy as np


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None  # 손실
        self.y = None     # softmax의 출력
        self.t = None     # 정답 레이블(원-핫 벡터)

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = (self.y - self.t) / batch_size
        return dx


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01, dtype=np.float64):
        self.params = {}
        self.params['W1'] = (weight_init_std * np.random.randn(input_size, hidden_size)).astype(dtype)
        self.params['b1'] = np.zeros(hidden_size, dtype=dtype)
        self.params['W2'] = (weight_init_std * np.random.randn(hidden_size, output_size)).astype(dtype)
        self.params['b2'] = np.zeros(output_size, dtype=dtype)
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        grads = {}
        grads['W1'], grads['b1'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        grads['W2'], grads['b2'] = self.layers['Affine2'].dW, self.layers['Affine2'].db
        return grads


def load(data_dir, name, dtype):
    images = np.fromfile(os.path.join(data_dir, name + '-images.bin'), dtype=np.uint8).reshape(-1, 784)
    labels = np.fromfile(os.path.join(data_dir, name + '-labels.bin'), dtype=np.uint8)
    x = images.astype(np.float32) / 255.0  # load_mnist(normalize=True)
    t = np.zeros((labels.size, 10), dtype=dtype)  # one_hot_label=True
    t[np.arange(labels.size), labels] = 1
    return x.astype(dtype) if dtype == np.float32 else x, t


def openblas_core():
    """The OpenBLAS kernel numpy runs (threadpoolctl is not installed here), or None."""
    for lib in glob.glob(os.path.join(os.path.dirname(np.__file__), '..', 'numpy.libs', '*openblas*')):
        for name in ('scipy_openblas_get_corename64_', 'openblas_get_corename64_', 'openblas_get_corename'):
            try:
                f = getattr(ctypes.CDLL(lib), name)
            except (AttributeError, OSError):
                continue
            f.restype = ctypes.c_char_p
            return f().decode()
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--dtype', choices=['float64', 'float32'], default='float64')
    ap.add_argument('--iters', type=int, default=10000)
    ap.add_argument('--seed', type=int, default=42)
    args = ap.parse_args()
    dtype = np.float64 if args.dtype == 'float64' else np.float32

    np.random.seed(args.seed)
    x_train, t_train = load(args.data, 'train', dtype)
    x_test, t_test = load(args.data, 'test', dtype)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10, dtype=dtype)

    iters_num, train_size, batch_size, learning_rate = args.iters, x_train.shape[0], 100, 0.1
    epoch_of = (lambda i: i) if batch_size >= train_size else (lambda i: (i * batch_size) // train_size)
    step_seconds = 0.0
    evaluations = 0
    train_acc = test_acc = float('nan')
    loss = float('nan')
    started = time.perf_counter()
    for i in range(iters_num):
        batch_mask = np.random.choice(train_size, batch_size)
        t0 = time.perf_counter()
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= learning_rate * grad[key]
        loss = network.loss(x_batch, t_batch)
        step_seconds += time.perf_counter() - t0
        if i == 0 or epoch_of(i) > epoch_of(i - 1) or i == iters_num - 1:
            train_acc = network.accuracy(x_train, t_train)
            test_acc = network.accuracy(x_test, t_test)
            evaluations += 1
    total = time.perf_counter() - started
    print(json.dumps({
        'path': 'numpy-' + args.dtype,
        'iterations': iters_num,
        'msPerIteration': step_seconds * 1000 / iters_num,
        'totalSeconds': total,
        'evaluations': evaluations,
        'finalLoss': float(loss),
        'trainAccuracy': float(train_acc),
        'testAccuracy': float(test_acc),
        'numpy': np.__version__,
        'openblasCore': openblas_core(),
        'threads': os.environ.get('OPENBLAS_NUM_THREADS'),
    }))


if __name__ == '__main__':
    main()
