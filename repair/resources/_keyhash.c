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
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static const uint64_t IV[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

static const uint8_t SIGMA[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}};

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
    for (i = 0; i < 12; i++) {
        const uint8_t *s = SIGMA[i];
        G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
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
static Py_ssize_t table_find(Table *self, PyObject *text) {
    Py_ssize_t n;
    const char *s;
    uint64_t k;
    const uint32_t *off = (const uint32_t *)self->offsets.buf;
    const uint64_t *keys = (const uint64_t *)self->keys.buf;
    Py_ssize_t n_keys = self->keys.len / 8;
    Py_ssize_t lo, hi, b, end;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.100s", Py_TYPE(text)->tp_name);
        return -2;
    }
    s = PyUnicode_AsUTF8AndSize(text, &n); /* raises on a lone surrogate, as encode() */
    if (s == NULL) return -2;
    k = blake2b8((const uint8_t *)s, n);
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
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_keyhash",
                                       "Key-table look-ups, compiled (issue 14).", -1,
                                       methods};

PyMODINIT_FUNC PyInit__keyhash(void) {
    PyObject *m;
    if (PyType_Ready(&TableType) < 0) return NULL;
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
