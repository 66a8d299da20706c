<html><body style="font-family:'Hiragino Sans','Noto Sans JP',sans-serif;color:#222;max-width:600px;margin:auto">
<#include "header">
<p>${customer.fullName}様</p>
<p>これまで何度もお選びいただいた商品が、まもなく販売終了となります。あなたのサイズはまだ在庫がございます。</p>
<table style="width:100%"><#list items?chunk(2) as row><tr><#list row as item><#include "item-card"></#list></tr></#list></table>
</body></html>
