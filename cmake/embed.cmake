# Turns each data file into a C array so the library needs no data directory
# at run time. Invoked as: cmake -DOUT=file.c -DFILES="a.txt|b.txt" -P embed.cmake
# For data/stopwords-en.txt it defines
#   const unsigned char chorus_data_stopwords_en[]; const unsigned long chorus_data_stopwords_en_len;
set(body "/* Generated from the files in data/ by cmake/embed.cmake; do not edit. */\ntypedef int chorus_embedded_nonempty;\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
    get_filename_component(stem ${f} NAME_WE)
    string(MAKE_C_IDENTIFIER "chorus_data_${stem}" id)
    file(READ ${f} hex HEX)
    string(LENGTH "${hex}" hexlen)
    math(EXPR n "${hexlen} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," arr "${hex}")
    string(APPEND body "const unsigned char ${id}[] = {${arr}0x00};\nconst unsigned long ${id}_len = ${n};\n")
endforeach()
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
