// Runs a libFuzzer target without libFuzzer: every file of its seed corpus, then a fixed number of
// deterministic mutations of them (flips, inserts, deletes, splices). It is how the fuzz targets
// run under g++ in `make test` (and under ASan/UBSan with -DCOCKPIT_SANITIZE=ON); a crash or an
// abort() in the target fails the test. Real coverage-guided fuzzing wants clang's libFuzzer.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

std::string mutate(std::mt19937 &rng, const std::string &input, const std::vector<std::string> &corpus)
{
    std::string s = input;
    const auto pick = [&rng](size_t n) { return n == 0 ? size_t(0) : size_t(rng() % n); };
    static const char *const tokens[] = {"- [ ] ", "- [x] ", "<!-- ", " -->", "\n", "\r\n", ":", "- ", "{", "}",
                                         "[", "]", "#", "```", "-rc.1", "+build", "0", "\xff", "\xc3\xa9", "  "};
    for (int edits = 1 + int(rng() % 4); edits > 0; --edits) {
        switch (rng() % 5) {
        case 0:
            if (!s.empty())
                s[pick(s.size())] = char(rng());
            break;
        case 1: s.insert(pick(s.size() + 1), tokens[pick(std::size(tokens))]); break;
        case 2:
            if (!s.empty()) {
                const size_t at = pick(s.size());
                s.erase(at, 1 + pick(std::min<size_t>(16, s.size() - at)));
            }
            break;
        case 3: {
            const std::string &other = corpus[pick(corpus.size())];
            if (!other.empty()) {
                const size_t from = pick(other.size());
                s.insert(pick(s.size() + 1), other.substr(from, 1 + pick(64)));
            }
            break;
        }
        default:
            if (!s.empty())
                s.resize(pick(s.size()));
            break;
        }
    }
    return s;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS]\n", argv[0]);
        return 64;
    }
    std::vector<std::string> corpus;
    for (const auto &entry : std::filesystem::directory_iterator(argv[1])) {
        std::ifstream in(entry.path(), std::ios::binary);
        corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "%s: the corpus is empty\n", argv[1]);
        return 1;
    }
    const long mutations = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 20000;
    std::mt19937 rng(20261122);  // fixed: a failure reproduces
    for (const std::string &input : corpus)
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
    for (long i = 0; i < mutations; ++i) {
        const std::string input = mutate(rng, corpus[size_t(rng() % corpus.size())], corpus);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
    }
    std::printf("%zu seeds and %ld mutations, no crash\n", corpus.size(), mutations);
    return 0;
}
