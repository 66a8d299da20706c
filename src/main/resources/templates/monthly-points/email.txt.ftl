${customer.fullName}様

お持ちの ${customer.points}ポイント は<#if customer.pointsExpireOn??> ${jpDate(customer.pointsExpireOn)} に</#if>有効期限を迎えます。
お買い物の際に1ポイント1円としてご利用いただけます。
<#list items as item>
・${item.name}<#if item.size??>（${item.size}）</#if> ${en(item.markdownPrice!item.price)}
  ${item.url!''}
</#list>
