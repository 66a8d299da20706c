<html><body style="font-family:'Hiragino Sans','Noto Sans JP',sans-serif;color:#222;max-width:600px;margin:auto">
<#include "header">
<p>${customer.fullName}様</p>
<p>${customer.prefecture!''}の冬はまだ続きます。あなたのサイズの在庫がある冬物を、シーズン終わりの特別価格でご用意しました。</p>
<table style="width:100%"><#list items?chunk(2) as row><tr><#list row as item><#include "item-card"></#list></tr></#list></table>
<p style="font-size:12px;color:#666">在庫がなくなり次第終了します。</p>
</body></html>
