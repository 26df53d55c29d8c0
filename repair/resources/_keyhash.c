/* Look-ups in the sorted 64-bit key tables (issue 14), compiled.
 *
 * The bigram counts (repair/resources/bigrams.py), the spin topic table (the same class)
 * and the known terms (repair/detect/collocation.py) store each text as the BLAKE2b-8 of
 * its UTF-8 bytes read little-endian, sorted, with 2^16 bucket offsets by the key's top
 * 16 bits.  A look-up in Python (the hash object, its digest, int.from_bytes, bisect_left
 * on an array of Python ints) costs ~1 us; most texts asked for are pairs read once.
 * Here the hash is BLAKE2b (RFC 7693, unkeyed, digest length 8) and the search a binary
 * search in the same arrays: the same key and the same position as the Python code
 * (repair/resources/key_table.py holds that code and picks this module when built).
 * pair_sum (session 35) sums the stored counts of one word's pairs with many keys (the
 * spin topic fit): pair texts built here, hashed four at a time, searched in batches.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static const uint64_t IV[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))
#define G(a, b, c, d, x, y)            \
    do {                               \
        v[a] = v[a] + v[b] + (x);      \
        v[d] = ROTR(v[d] ^ v[a], 32);  \
        v[c] = v[c] + v[d];            \
        v[b] = ROTR(v[b] ^ v[c], 24);  \
        v[a] = v[a] + v[b] + (y);      \
        v[d] = ROTR(v[d] ^ v[a], 16);  \
        v[c] = v[c] + v[d];            \
        v[b] = ROTR(v[b] ^ v[c], 63);  \
    } while (0)

#define ROUND(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15) \
    do {                                                                           \
        G(0, 4, 8, 12, m[s0], m[s1]);                                              \
        G(1, 5, 9, 13, m[s2], m[s3]);                                              \
        G(2, 6, 10, 14, m[s4], m[s5]);                                             \
        G(3, 7, 11, 15, m[s6], m[s7]);                                             \
        G(0, 5, 10, 15, m[s8], m[s9]);                                             \
        G(1, 6, 11, 12, m[s10], m[s11]);                                           \
        G(2, 7, 8, 13, m[s12], m[s13]);                                            \
        G(3, 4, 9, 14, m[s14], m[s15]);                                            \
    } while (0)

/* The twelve rounds, each with its row of RFC 7693's message schedule SIGMA written as
 * constants (rounds 10 and 11 repeat rows 0 and 1): the message words stay in registers
 * instead of being read through a table.  Shared by the scalar, 4-lane and 8-lane bodies. */
#define TWELVE_ROUNDS()                                                          \
    ROUND(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);               \
    ROUND(14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3);               \
    ROUND(11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4);               \
    ROUND(7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8);               \
    ROUND(9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13);               \
    ROUND(2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9);               \
    ROUND(12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11);               \
    ROUND(13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10);               \
    ROUND(6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5);               \
    ROUND(10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0);               \
    ROUND(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);               \
    ROUND(14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3)

static uint64_t load64(const uint8_t *p) {
    return (uint64_t)p[0] | ((uint64_t)p[1] << 8) | ((uint64_t)p[2] << 16) |
           ((uint64_t)p[3] << 24) | ((uint64_t)p[4] << 32) | ((uint64_t)p[5] << 40) |
           ((uint64_t)p[6] << 48) | ((uint64_t)p[7] << 56);
}

static void compress(uint64_t h[8], const uint8_t block[128], uint64_t t, int last) {
    uint64_t v[16], m[16];
    int i;
    for (i = 0; i < 16; i++) m[i] = load64(block + 8 * i);
    for (i = 0; i < 8; i++) {
        v[i] = h[i];
        v[i + 8] = IV[i];
    }
    v[12] ^= t; /* the high word of the 128-bit counter stays 0 (texts < 2^64 bytes) */
    if (last) v[14] = ~v[14];
    TWELVE_ROUNDS();
    for (i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
}

/* BLAKE2b with an 8-byte digest of data[0:n], read as a little-endian integer: h[0]. */
static uint64_t blake2b8(const uint8_t *data, Py_ssize_t n) {
    uint64_t h[8];
    uint8_t block[128];
    uint64_t t = 0;
    memcpy(h, IV, sizeof h);
    h[0] ^= 0x01010000ULL ^ 8ULL; /* depth 1, fanout 1, no key, digest length 8 */
    while (n > 128) {
        t += 128;
        compress(h, data, t, 0);
        data += 128;
        n -= 128;
    }
    memset(block, 0, sizeof block);
    if (n > 0) memcpy(block, data, (size_t)n);
    t += (uint64_t)n;
    compress(h, block, t, 1);
    return h[0];
}

/* Four single-block texts hashed at once (GCC vector types, one lane a text): the same
 * BLAKE2b as blake2b8 for texts of at most 128 bytes, each lane's arithmetic the scalar
 * code's.  Built for AVX2 and for the baseline, picked at load (ifunc) where GCC can.
 * HASH8 (session 62): eight at once in one AVX-512 register a word (blake2b8_x8_512, the
 * same arithmetic per lane, and a rotation is one instruction, vprorq, instead of two
 * shifts and an or), picked at module load where the CPU and the OS have AVX-512F
 * (hash8); elsewhere the four-lane hash twice. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define HASH4 1
#define HASH4_CLONES __attribute__((target_clones("avx2", "default")))
#define HASH8_512 1
#elif defined(__GNUC__) || defined(__clang__)
#define HASH4 1
#define HASH4_CLONES
#endif

#ifdef HASH4
typedef uint64_t u64x4 __attribute__((vector_size(32)));

/* blocks: 4 blocks of 128 bytes, each a text zero-padded; lens: the texts' lengths
 * (<= 128); out: the four keys. */
HASH4_CLONES
static void blake2b8_x4(const uint8_t *blocks, const uint64_t lens[4], uint64_t out[4]) {
    u64x4 v[16], m[16];
    int i, j;
    for (i = 0; i < 16; i++)
        for (j = 0; j < 4; j++) m[i][j] = load64(blocks + 128 * j + 8 * i);
    for (i = 0; i < 8; i++) {
        uint64_t h = IV[i];
        if (i == 0) h ^= 0x01010000ULL ^ 8ULL; /* depth 1, fanout 1, no key, digest 8 */
        v[i] = (u64x4){h, h, h, h};
        v[i + 8] = (u64x4){IV[i], IV[i], IV[i], IV[i]};
    }
    v[12] ^= (u64x4){lens[0], lens[1], lens[2], lens[3]};
    v[14] = ~v[14];
    TWELVE_ROUNDS();
    {
        u64x4 h0 = (u64x4){IV[0], IV[0], IV[0], IV[0]} ^ (u64x4){0x01010008ULL, 0x01010008ULL,
                                                                 0x01010008ULL, 0x01010008ULL};
        h0 ^= v[0] ^ v[8];
        for (j = 0; j < 4; j++) out[j] = h0[j];
    }
}

typedef void (*hash8_fn)(const uint8_t *, const uint64_t *, uint64_t *);

/* Eight blocks as two groups of four. */
static void blake2b8_x8_base(const uint8_t *blocks, const uint64_t lens[8], uint64_t out[8]) {
    blake2b8_x4(blocks, lens, out);
    blake2b8_x4(blocks + 4 * 128, lens + 4, out + 4);
}

#ifdef HASH8_512
typedef uint64_t u64x8 __attribute__((vector_size(64)));

/* blocks: 8 blocks of 128 bytes, each a text zero-padded; lens: the texts' lengths
 * (<= 128); out: the eight keys (blake2b8_x4's code on eight lanes). */
__attribute__((target("avx512f"))) static void blake2b8_x8_512(const uint8_t *blocks,
                                                               const uint64_t lens[8],
                                                               uint64_t out[8]) {
    u64x8 v[16], m[16];
    int i, j;
    for (i = 0; i < 16; i++)
        for (j = 0; j < 8; j++) m[i][j] = load64(blocks + 128 * j + 8 * i);
    for (i = 0; i < 8; i++) {
        uint64_t h = IV[i];
        if (i == 0) h ^= 0x01010000ULL ^ 8ULL; /* depth 1, fanout 1, no key, digest 8 */
        v[i] = (u64x8){h, h, h, h, h, h, h, h};
        v[i + 8] = (u64x8){IV[i], IV[i], IV[i], IV[i], IV[i], IV[i], IV[i], IV[i]};
    }
    v[12] ^= (u64x8){lens[0], lens[1], lens[2], lens[3], lens[4], lens[5], lens[6], lens[7]};
    v[14] = ~v[14];
    TWELVE_ROUNDS();
    for (j = 0; j < 8; j++) out[j] = IV[0] ^ 0x01010008ULL ^ v[0][j] ^ v[8][j];
}

/* Whether this CPU and OS run the AVX-512 body. */
static int x8_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}
#endif

/* The eight-block hash pair_sum calls (set at module load: pick_hash8). */
static hash8_fn hash8 = blake2b8_x8_base;

static void pick_hash8(void) {
#ifdef HASH8_512
    if (x8_available()) hash8 = blake2b8_x8_512;
#endif
}
#endif

/* hash8_512(on) -> whether pair_sum hashes eight texts in one AVX-512 pass after the call:
 * on where the CPU has it (the default at load), off for two four-lane passes (the tests
 * compare the two: the same keys and sums). */
static PyObject *hash8_512_entry(PyObject *module, PyObject *arg) {
    int on = PyObject_IsTrue(arg);
    if (on < 0) return NULL;
#ifdef HASH8_512
    hash8 = (on && x8_available()) ? blake2b8_x8_512 : blake2b8_x8_base;
    return PyBool_FromLong(hash8 == blake2b8_x8_512);
#else
    (void)on;
    Py_RETURN_FALSE;
#endif
}

typedef struct {
    PyObject_HEAD
    Py_buffer offsets; /* uint32, 2^bits + 1 */
    Py_buffer keys;    /* uint64, sorted */
    int shift;
    Py_ssize_t n_buckets;
} Table;

static void Table_dealloc(Table *self) {
    if (self->offsets.obj) PyBuffer_Release(&self->offsets);
    if (self->keys.obj) PyBuffer_Release(&self->keys);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Table_init(Table *self, PyObject *args, PyObject *kwds) {
    PyObject *offsets, *keys;
    int bits;
    static char *kwlist[] = {"offsets", "keys", "bucket_bits", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOi", kwlist, &offsets, &keys, &bits))
        return -1;
    if (bits < 1 || bits > 32) {
        PyErr_SetString(PyExc_ValueError, "bucket_bits must be 1..32");
        return -1;
    }
    if (self->offsets.obj) PyBuffer_Release(&self->offsets);
    if (self->keys.obj) PyBuffer_Release(&self->keys);
    if (PyObject_GetBuffer(offsets, &self->offsets, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (PyObject_GetBuffer(keys, &self->keys, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) {
        PyBuffer_Release(&self->offsets);
        return -1;
    }
    if (self->offsets.itemsize != 4 || self->keys.itemsize != 8 ||
        self->offsets.len / 4 != ((Py_ssize_t)1 << bits) + 1) {
        PyBuffer_Release(&self->offsets);
        PyBuffer_Release(&self->keys);
        PyErr_SetString(PyExc_ValueError,
                        "offsets must be 2^bucket_bits + 1 uint32, keys uint64");
        return -1;
    }
    self->shift = 64 - bits;
    self->n_buckets = (Py_ssize_t)1 << bits;
    return 0;
}

/* Position of text's key in keys, or -1; -2 with an exception set. */
static Py_ssize_t table_search(Table *self, uint64_t k);

static Py_ssize_t table_find(Table *self, PyObject *text) {
    Py_ssize_t n;
    const char *s;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.100s", Py_TYPE(text)->tp_name);
        return -2;
    }
    s = PyUnicode_AsUTF8AndSize(text, &n); /* raises on a lone surrogate, as encode() */
    if (s == NULL) return -2;
    return table_search(self, blake2b8((const uint8_t *)s, n));
}

/* Position of key k in keys, or -1; -2 with an exception set. */
static Py_ssize_t table_search(Table *self, uint64_t k) {
    const uint32_t *off = (const uint32_t *)self->offsets.buf;
    const uint64_t *keys = (const uint64_t *)self->keys.buf;
    Py_ssize_t n_keys = self->keys.len / 8;
    Py_ssize_t lo, hi, b, end;
    b = (Py_ssize_t)(k >> self->shift);
    lo = off[b];
    end = hi = off[b + 1];
    if (hi > n_keys || lo > hi) {
        PyErr_SetString(PyExc_ValueError, "offsets point past the keys");
        return -2;
    }
    while (lo < hi) { /* bisect_left */
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < end && keys[lo] == k) ? lo : -1;
}

static PyObject *Table_index(Table *self, PyObject *text) {
    Py_ssize_t i = table_find(self, text);
    if (i == -2) return NULL;
    return PyLong_FromSsize_t(i);
}

/* scaled(texts, values, steps) -> [values[i] / steps or None for each text] */
static PyObject *Table_scaled(Table *self, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *seq, *out = NULL, *item;
    Py_buffer values;
    double steps;
    Py_ssize_t j, m;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "scaled(texts, values, steps)");
        return NULL;
    }
    steps = PyFloat_AsDouble(args[2]);
    if (steps == -1.0 && PyErr_Occurred()) return NULL;
    if (PyObject_GetBuffer(args[1], &values, PyBUF_SIMPLE) < 0) return NULL;
    seq = PySequence_Fast(args[0], "texts must be iterable");
    if (seq == NULL) goto done;
    m = PySequence_Fast_GET_SIZE(seq);
    out = PyList_New(m);
    if (out == NULL) goto done;
    for (j = 0; j < m; j++) {
        Py_ssize_t i = table_find(self, PySequence_Fast_GET_ITEM(seq, j));
        if (i == -2) {
            Py_CLEAR(out);
            goto done;
        }
        if (i >= 0 && i < values.len) {
            item = PyFloat_FromDouble((double)((const uint8_t *)values.buf)[i] / steps);
            if (item == NULL) {
                Py_CLEAR(out);
                goto done;
            }
        } else if (i >= 0) {
            PyErr_SetString(PyExc_IndexError, "values shorter than keys");
            Py_CLEAR(out);
            goto done;
        } else {
            item = Py_NewRef(Py_None);
        }
        PyList_SET_ITEM(out, j, item);
    }
done:
    Py_XDECREF(seq);
    PyBuffer_Release(&values);
    return out;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* Keys hashed before their searches in pair_sum: the loads of one batch's buckets and
 * keys (most of them cache misses in a 4.6 MB table) overlap the hashing of the rest. */
#define BATCH 32
/* (a batch is searched once it holds BATCH keys: up to 7 more fit, from a last group of
 * eight hashed at once) */
#define BATCH_ROOM (BATCH + 8)

/* Add values[i] to *total for each of hashes[0:n] stored at position i; -1 with an
 * exception set (a bad table), else 0.  The same search as table_search, in three
 * passes: each key's bucket offsets asked for, then the bucket's keys, then bisected. */
static int sum_batch(Table *self, const uint64_t *hashes, int n, const Py_buffer *values,
                     unsigned long long *total) {
    const uint32_t *off = (const uint32_t *)self->offsets.buf;
    const uint64_t *keys = (const uint64_t *)self->keys.buf;
    Py_ssize_t n_keys = self->keys.len / 8;
    Py_ssize_t los[BATCH_ROOM], his[BATCH_ROOM];
    int j;
    for (j = 0; j < n; j++) {
        Py_ssize_t b = (Py_ssize_t)(hashes[j] >> self->shift);
        los[j] = off[b];
        his[j] = off[b + 1];
        if (his[j] > n_keys || los[j] > his[j]) {
            PyErr_SetString(PyExc_ValueError, "offsets point past the keys");
            return -1;
        }
        if (his[j] > los[j]) {
            PREFETCH(keys + los[j]);
            PREFETCH(keys + his[j] - 1);
        }
    }
    for (j = 0; j < n; j++) {
        uint64_t k = hashes[j];
        Py_ssize_t lo = los[j], hi = his[j], end = his[j];
        while (lo < hi) { /* bisect_left */
            Py_ssize_t mid = lo + (hi - lo) / 2;
            if (keys[mid] < k)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < end && keys[lo] == k) {
            if (lo >= values->len) {
                PyErr_SetString(PyExc_IndexError, "values shorter than keys");
                return -1;
            }
            *total += ((const uint8_t *)values->buf)[lo];
        }
    }
    return 0;
}

/* pair_sum(word, keys, values) -> the sum of values[i] over the keys k (str) of the
 * iterable keys other than word itself, i the position of the pair text "word k" (word
 * first when word < k, code point order) or "k word": repair/score/spin_topic.py's topic
 * fit, without a Python string per pair.  UTF-8 bytes compare in code point order, so the
 * pair texts are Python's; the sum is an integer, so its order does not matter. */
static PyObject *Table_pair_sum(Table *self, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *it = NULL, *item;
    Py_buffer values;
    const char *ws, *ks;
    Py_ssize_t wn, kn, cap, need;
    unsigned long long total = 0;
    uint8_t stack[256], *buf = stack, *heap = NULL, *dst;
    uint64_t hashes[BATCH_ROOM];
    int cmp, n = 0, nb = 0, j;
#ifdef HASH4
    uint8_t blocks[8 * 128];
    uint64_t lens[8];
#endif
    const uint32_t *off = (const uint32_t *)self->offsets.buf;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "pair_sum(word, keys, values)");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.100s", Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    ws = PyUnicode_AsUTF8AndSize(args[0], &wn);
    if (ws == NULL) return NULL;
    if (PyObject_GetBuffer(args[2], &values, PyBUF_SIMPLE) < 0) return NULL;
    it = PyObject_GetIter(args[1]);
    if (it == NULL) goto fail;
    cap = (Py_ssize_t)sizeof stack;
    while ((item = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "expected str, got %.100s", Py_TYPE(item)->tp_name);
            Py_DECREF(item);
            goto fail;
        }
        ks = PyUnicode_AsUTF8AndSize(item, &kn);
        if (ks == NULL) {
            Py_DECREF(item);
            goto fail;
        }
        cmp = memcmp(ws, ks, (size_t)(wn < kn ? wn : kn));
        if (cmp == 0) cmp = (wn > kn) - (wn < kn);
        if (cmp == 0) { /* the word itself adds nothing */
            Py_DECREF(item);
            continue;
        }
        need = wn + 1 + kn;
#ifdef HASH4
        if (need <= 128) { /* one block: hashed eight at a time (hash8) */
            dst = blocks + 128 * nb;
            lens[nb] = (uint64_t)need;
        } else
#endif
        {
            if (need > cap) {
                uint8_t *grown = PyMem_Realloc(heap, (size_t)need);
                if (grown == NULL) {
                    Py_DECREF(item);
                    PyErr_NoMemory();
                    goto fail;
                }
                heap = buf = grown;
                cap = need;
            }
            dst = buf;
        }
        if (cmp < 0) {
            memcpy(dst, ws, (size_t)wn);
            dst[wn] = ' ';
            memcpy(dst + wn + 1, ks, (size_t)kn);
        } else {
            memcpy(dst, ks, (size_t)kn);
            dst[kn] = ' ';
            memcpy(dst + kn + 1, ws, (size_t)wn);
        }
        Py_DECREF(item);
#ifdef HASH4
        if (dst != buf) {
            memset(dst + need, 0, (size_t)(128 - need));
            if (++nb < 8) continue;
            hash8(blocks, lens, hashes + n);
            for (j = 0; j < 8; j++) PREFETCH(off + (hashes[n + j] >> self->shift));
            n += 8;
            nb = 0;
        } else
#endif
        {
            hashes[n] = blake2b8(buf, need);
            PREFETCH(off + (hashes[n] >> self->shift));
            n++;
        }
        if (n >= BATCH) {
            if (sum_batch(self, hashes, n, &values, &total) < 0) goto fail;
            n = 0;
        }
    }
    if (PyErr_Occurred()) goto fail;
#ifdef HASH4
    if (nb >= 4) { /* a last group of four or more: four of them at once */
        blake2b8_x4(blocks, lens, hashes + n);
        n += 4;
        for (j = 4; j < nb; j++) hashes[n++] = blake2b8(blocks + 128 * j, (Py_ssize_t)lens[j]);
    } else {
        for (j = 0; j < nb; j++) hashes[n++] = blake2b8(blocks + 128 * j, (Py_ssize_t)lens[j]);
    }
#endif
    if (n > 0 && sum_batch(self, hashes, n, &values, &total) < 0) goto fail;
    Py_DECREF(it);
    PyMem_Free(heap);
    PyBuffer_Release(&values);
    return PyLong_FromUnsignedLongLong(total);
fail:
    Py_XDECREF(it);
    PyMem_Free(heap);
    PyBuffer_Release(&values);
    return NULL;
}

static PyObject *key_entry(PyObject *module, PyObject *text) {
    Py_ssize_t n;
    const char *s;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    s = PyUnicode_AsUTF8AndSize(text, &n);
    if (s == NULL) return NULL;
    return PyLong_FromUnsignedLongLong(blake2b8((const uint8_t *)s, n));
}

static PyMethodDef Table_methods[] = {
    {"index", (PyCFunction)Table_index, METH_O,
     "index(text) -> position of text's key in keys, or -1"},
    {"scaled", (PyCFunction)(void (*)(void))Table_scaled, METH_FASTCALL,
     "scaled(texts, values, steps) -> [values[i] / steps, or None when a text is not "
     "stored, for each text]"},
    {"pair_sum", (PyCFunction)(void (*)(void))Table_pair_sum, METH_FASTCALL,
     "pair_sum(word, keys, values) -> sum of values[i] over the pair texts \"word k\" "
     "(or \"k word\" when k < word) of the keys k other than word that are stored"},
    {NULL, NULL, 0, NULL}};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "repair.resources._keyhash.Table",
    .tp_basicsize = sizeof(Table),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Table(offsets, keys, bucket_bits): look-ups of texts in a sorted key table",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Table_init,
    .tp_dealloc = (destructor)Table_dealloc,
    .tp_methods = Table_methods,
};

static PyMethodDef methods[] = {
    {"key", key_entry, METH_O,
     "key(text) -> int: BLAKE2b-8 of text's UTF-8 bytes, little-endian"},
    {"hash8_512", hash8_512_entry, METH_O,
     "hash8_512(on) -> bool: pair_sum hashes eight texts at once with AVX-512 where the "
     "CPU has it"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_keyhash",
                                       "Key-table look-ups, compiled (issue 14).", -1,
                                       methods};

PyMODINIT_FUNC PyInit__keyhash(void) {
    PyObject *m;
    if (PyType_Ready(&TableType) < 0) return NULL;
#ifdef HASH4
    pick_hash8();
#endif
    m = PyModule_Create(&moduledef);
    if (m == NULL) return NULL;
    Py_INCREF(&TableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(&TableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
