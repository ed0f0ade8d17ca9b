// Disjoint sets over 0..n-1 (path halving, union by size).
#pragma once

#include <numeric>
#include <utility>
#include <vector>

namespace newscoder::dedup {

class UnionFind
{
public:
    explicit UnionFind(int n) : m_parent(std::size_t(n)), m_size(std::size_t(n), 1)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int find(int x)
    {
        while (m_parent[std::size_t(x)] != x) {
            m_parent[std::size_t(x)] = m_parent[std::size_t(m_parent[std::size_t(x)])];
            x = m_parent[std::size_t(x)];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_size[std::size_t(a)] < m_size[std::size_t(b)])
            std::swap(a, b);
        m_parent[std::size_t(b)] = a;
        m_size[std::size_t(a)] += m_size[std::size_t(b)];
    }

private:
    std::vector<int> m_parent;
    std::vector<int> m_size;
};

} // namespace newscoder::dedup
