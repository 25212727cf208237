"""A tiny random-weight chat model built in well under a second, with no download.

It exercises the real loading, chat-template, generation and streaming code paths; its answers
are gibberish. `write_gguf` turns a tiny qwen2 model into a GGUF file (F32, so a conversion back
must reproduce the weights exactly), for testing the preset conversion.
"""
from __future__ import annotations

from pathlib import Path

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]

_TEXT = """
Welcome to the shop. We sell running shoes, hiking boots, rain jackets, wool socks and backpacks.
The Trail Runner 2 costs 89 dollars and runs half a size small. Shipping takes three to five days.
Returns are free within thirty days. Our customer service answers questions about price, size,
colour, stock, delivery and refunds. Which size should I order? How much is the jacket? Is it
waterproof? Can I pay by card? Thank you for your order, have a nice day. 你好 欢迎 光临 价格 尺码
""" * 3


def _train_tokenizer():
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast
    from transformers.models.qwen2.tokenization_qwen2 import PRETOKENIZE_REGEX

    tok = Tokenizer(models.BPE())
    # Qwen2's split + byte level, so a GGUF round trip ("qwen2" pre-tokenizer) is exact.
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(PRETOKENIZE_REGEX), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
    ])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=512, special_tokens=SPECIALS,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(_TEXT.splitlines(), trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        chat_template=CHAT_TEMPLATE, clean_up_tokenization_spaces=False,
    )


def build_tiny_llm(path, arch: str = "llama", seed: int = 0) -> Path:
    """Save a 2-layer, hidden-64 random model (`llama` or `qwen2`) and its tokenizer to `path`."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM

    path = Path(path)
    tok = _train_tokenizer()
    cfg_cls, model_cls = {"llama": (LlamaConfig, LlamaForCausalLM), "qwen2": (Qwen2Config, Qwen2ForCausalLM)}[arch]
    config = cfg_cls(
        vocab_size=len(tok), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024,
        tie_word_embeddings=False, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id,
        bos_token_id=tok.pad_token_id,
    )
    torch.manual_seed(seed)
    model = model_cls(config)
    with torch.no_grad():  # larger weights: less uniform logits, so greedy text varies
        for p in model.parameters():
            if p.dim() == 2:
                p.normal_(0, 0.2)
    model.save_pretrained(path)
    tok.save_pretrained(path)
    return path


def write_gguf(model_dir, out_path) -> Path:
    """Write a tiny qwen2 model folder as a GGUF (F32 tensors, llama.cpp names and metadata)."""
    import json

    import gguf
    import numpy as np
    from safetensors.numpy import load_file
    from transformers import AutoConfig, AutoTokenizer

    model_dir, out_path = Path(model_dir), Path(out_path)
    cfg = AutoConfig.from_pretrained(model_dir)
    assert cfg.model_type == "qwen2", "write_gguf handles the qwen2 layout only"
    tok = AutoTokenizer.from_pretrained(model_dir)
    rope = (getattr(cfg, "rope_parameters", None) or {}).get("rope_theta") or getattr(cfg, "rope_theta", 10000.0)

    w = gguf.GGUFWriter(str(out_path), "qwen2")
    w.add_name("tiny-qwen2")
    w.add_context_length(cfg.max_position_embeddings)
    w.add_embedding_length(cfg.hidden_size)
    w.add_block_count(cfg.num_hidden_layers)
    w.add_feed_forward_length(cfg.intermediate_size)
    w.add_head_count(cfg.num_attention_heads)
    w.add_head_count_kv(cfg.num_key_value_heads)
    w.add_rope_freq_base(float(rope))
    w.add_layer_norm_rms_eps(cfg.rms_norm_eps)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)

    vocab = tok.get_vocab()
    tokens = [t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])]
    special = set(tok.get_added_vocab())
    merges = json.loads((model_dir / "tokenizer.json").read_text())["model"]["merges"]
    merges = [m if isinstance(m, str) else " ".join(m) for m in merges]
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("qwen2")
    w.add_token_list(tokens)
    w.add_token_types([gguf.TokenType.CONTROL if t in special else gguf.TokenType.NORMAL for t in tokens])
    w.add_token_merges(merges)
    w.add_eos_token_id(tok.eos_token_id)
    w.add_pad_token_id(tok.pad_token_id)
    w.add_bos_token_id(tok.pad_token_id)
    w.add_add_bos_token(False)
    w.add_chat_template(tok.chat_template)

    names = {
        "input_layernorm.weight": "attn_norm.weight",
        "post_attention_layernorm.weight": "ffn_norm.weight",
        "self_attn.o_proj.weight": "attn_output.weight",
        "mlp.gate_proj.weight": "ffn_gate.weight",
        "mlp.up_proj.weight": "ffn_up.weight",
        "mlp.down_proj.weight": "ffn_down.weight",
    }
    for x in "qkv":
        names[f"self_attn.{x}_proj.weight"] = f"attn_{x}.weight"
        names[f"self_attn.{x}_proj.bias"] = f"attn_{x}.bias"
    tensors = load_file(str(model_dir / "model.safetensors"))
    for key, value in tensors.items():
        if key == "model.embed_tokens.weight":
            name = "token_embd.weight"
        elif key == "model.norm.weight":
            name = "output_norm.weight"
        elif key == "lm_head.weight":
            name = "output.weight"
        else:
            _, _, layer, rest = key.split(".", 3)
            name = f"blk.{layer}.{names[rest]}"
        w.add_tensor(name, np.ascontiguousarray(value, dtype=np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return out_path
