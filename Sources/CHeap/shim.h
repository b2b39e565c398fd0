// glibc's allocator controls (mallopt, malloc_trim, mallinfo2): the server bounds its arenas
// and hands freed memory back after a large render (WenshuServer/ProcessHeap.swift).
#include <malloc.h>
