<html><body style="font-family:'Hiragino Sans','Noto Sans JP',sans-serif;color:#222;max-width:600px;margin:auto">
<#include "header">
<p>${customer.fullName}様</p>
<p>お持ちの <strong>${customer.points}ポイント</strong> は<#if customer.pointsExpireOn??> <strong>${jpDate(customer.pointsExpireOn)}</strong> に</#if>有効期限を迎えます。お買い物の際に1ポイント1円としてご利用いただけます。</p>
<#if items?has_content>
<table style="width:100%"><#list items?chunk(2) as row><tr><#list row as item><#include "item-card"></#list></tr></#list></table>
</#if>
</body></html>
